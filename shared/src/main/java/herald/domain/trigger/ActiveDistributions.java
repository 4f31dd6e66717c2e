package herald.domain.trigger;

import herald.domain.distributions.Distribution;
import herald.domain.distributions.Distributions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The active distributions per trigger type ({@link Distributions#activeFor}), read once per warm process and type
 * for at most {@link CacheTime} (the template's ActiveDistributionsCacheSeconds, 5 s by default; 0 reads every
 * time). So a distribution activated reacts to events from at most that long after; one paused or archived may
 * still get jobs queued for that long, which the sender skips, as it re-checks each distribution's status (once
 * per batch) before sending; an edit of its trigger's filters applies from at most that long after.
 */
@Singleton
public final class ActiveDistributions {
  /** How long a read of a trigger type's active distributions is used again. */
  public record CacheTime(Duration duration) {
    public static final CacheTime NONE = new CacheTime(Duration.ZERO);

    public CacheTime {
      if (duration.isNegative()) throw new IllegalArgumentException("cache time " + duration);
    }
  }

  private final Distributions distributions;
  private final long cacheNanos;
  private final LongSupplier ticker;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  @Inject
  public ActiveDistributions(Distributions distributions, CacheTime cacheTime) {
    this(distributions, cacheTime, System::nanoTime);
  }

  /** Timed by {@code ticker} (nanoseconds). */
  public ActiveDistributions(Distributions distributions, CacheTime cacheTime, LongSupplier ticker) {
    this.distributions = distributions;
    this.cacheNanos = cacheTime.duration().toNanos();
    this.ticker = ticker;
  }

  /** Read every time: for uses wired by hand. */
  public static ActiveDistributions uncached(Distributions distributions) {
    return new ActiveDistributions(distributions, CacheTime.NONE);
  }

  /** The active distributions triggered by this type, as read at most {@link CacheTime} ago. */
  public List<Distribution> activeFor(String triggerType) {
    if (cacheNanos == 0) return distributions.activeFor(triggerType);
    long now = ticker.getAsLong();
    Read read = reads.get(triggerType);
    if (read == null || now - read.at() >= cacheNanos) {
      read = new Read(List.copyOf(distributions.activeFor(triggerType)), now);
      reads.put(triggerType, read);
    }
    return read.distributions();
  }

  private record Read(List<Distribution> distributions, long at) {}
}
