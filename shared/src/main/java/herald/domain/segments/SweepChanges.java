package herald.domain.segments;

import herald.domain.common.Page;
import herald.domain.common.Parallel;
import herald.domain.customers.ChangedCustomers;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Follows every customer whose change is still marked {@link #GRACE} after it was saved: their announcement was
 * lost (a process died between writing and announcing), or its evaluation failed until the queue gave up on it.
 * Run on a schedule; the shards are swept at once, each oldest first, a page at a time while {@code timeLeft}
 * says there is time for another (what is left waits for the next run). A customer whose evaluation fails stays
 * marked for the next run; the others go on.
 */
public final class SweepChanges {
  /** Longer than an announced change normally takes to be followed, so the sweep rarely repeats that work. */
  public static final Duration GRACE = Duration.ofMinutes(2);
  static final int PAGE = 100;
  private final ChangedCustomers changed;
  private final FollowCustomer follow;
  private final Clock clock;

  @Inject
  public SweepChanges(ChangedCustomers changed, FollowCustomer follow, Clock clock) {
    this.changed = changed;
    this.follow = follow;
    this.clock = clock;
  }

  /** What a sweep did: how many customers it followed, and the ids of those that failed (and stay marked). */
  public record Swept(int followed, List<String> failed) {
    public Swept {
      failed = List.copyOf(failed);
    }
  }

  public Swept sweep(BooleanSupplier timeLeft) {
    Instant before = clock.instant().minus(GRACE);
    List<Swept> shards = Parallel.map(IntStream.range(0, ChangedCustomers.SHARDS).boxed().toList(),
        shard -> sweep(shard, before, timeLeft));
    return new Swept(shards.stream().mapToInt(Swept::followed).sum(),
        shards.stream().flatMap(s -> s.failed().stream()).toList());
  }

  private Swept sweep(int shard, Instant before, BooleanSupplier timeLeft) {
    int followed = 0;
    List<String> failed = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = changed.markedBefore(shard, before, cursor, PAGE);
      for (String customerId : page.items()) {
        try {
          follow.follow(customerId);
          followed++;
        } catch (RuntimeException e) {
          failed.add(customerId);
        }
      }
      cursor = page.next();
    } while (cursor != null && timeLeft.getAsBoolean());
    return new Swept(followed, failed);
  }
}
