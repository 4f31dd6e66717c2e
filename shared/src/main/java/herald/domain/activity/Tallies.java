package herald.domain.activity;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The tallies of one warm process ({@link Activity#tally}), written in fewer calls than one per occurrence. The
 * first occurrence of an entry (its subject, time and action) is written at once, so the entry, with the details
 * of that first occurrence, is in the log as soon as anything happened. Further occurrences are added up in
 * memory and written as one addition by the first tally at least {@link #EVERY} after the entry's last write, or
 * by the first tally of a later time (the next minute, for entries by the minute).
 *
 * <p>So a count is short, until the process tallies again, by what it added up since its last write of that
 * entry (at most {@link #EVERY}'s worth); if the process ends before that (a Lambda instance let go while idle),
 * that part is lost: tallied counts are approximate, by a few seconds of occurrences per process. A failed write
 * throws and keeps what it would have added for the next one.
 */
@Singleton
public final class Tallies {
  public static final Duration EVERY = Duration.ofSeconds(10);
  private final Activity activity;
  private final long everyNanos;
  private final LongSupplier ticker;
  private final Map<Key, Pending> pending = new LinkedHashMap<>();

  @Inject
  public Tallies(Activity activity) {
    this(activity, EVERY, System::nanoTime);
  }

  /** Tallies written at most every {@code every} per entry, timed by {@code ticker} (nanoseconds). */
  public Tallies(Activity activity, Duration every, LongSupplier ticker) {
    this.activity = activity;
    this.everyNanos = every.toNanos();
    this.ticker = ticker;
  }

  /** Every occurrence written at once, as {@link Activity#tally} does. */
  public static Tallies each(Activity activity) {
    return new Tallies(activity, Duration.ZERO, System::nanoTime);
  }

  /** One more occurrence of the entry. */
  public synchronized void add(ActivityEntry entry) {
    long now = ticker.getAsLong();
    Key key = new Key(entry.subject(), entry.at(), entry.action());
    Pending known = pending.get(key);
    if (known == null) {
      activity.tally(entry, 1);
      pending.put(key, new Pending(entry, now));
    } else {
      known.count++;
    }
    writeDue(now, entry.at());
  }

  private void writeDue(long now, Instant at) {
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending p = it.next();
      boolean earlier = p.entry.at().isBefore(at);
      if (earlier || now - p.writtenAt >= everyNanos) write(p, now);
      if (earlier) it.remove();
    }
  }

  private void write(Pending p, long now) {
    if (p.count == 0) return;
    activity.tally(p.entry, p.count);
    p.count = 0;
    p.writtenAt = now;
  }

  private record Key(String subject, Instant at, String action) {}

  private static final class Pending {
    final ActivityEntry entry;
    long count;
    long writtenAt;

    Pending(ActivityEntry entry, long writtenAt) {
      this.entry = entry;
      this.writtenAt = writtenAt;
    }
  }
}
