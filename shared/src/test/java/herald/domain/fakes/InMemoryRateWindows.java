package herald.domain.fakes;

import herald.domain.limits.RateWindows;
import java.util.HashMap;
import java.util.Map;

/** Send-rate windows in memory: tokens taken and attempts refused per channel and second. */
public final class InMemoryRateWindows implements RateWindows {
  private final Map<String, Long> taken = new HashMap<>();
  private final Map<String, Long> refused = new HashMap<>();

  @Override
  public synchronized Taken take(String channel, long second, int capacity, int wanted) {
    String key = channel + "#" + second;
    long left = capacity - taken.getOrDefault(key, 0L);
    if (left > 0) {
      int tokens = (int) Math.min(wanted, left);
      taken.merge(key, (long) tokens, Long::sum);
      return new Taken(tokens, 0);
    }
    return new Taken(0, refused.merge(key, 1L, Long::sum));
  }

  @Override
  public synchronized void handBack(String channel, long second, int tokens) {
    taken.computeIfPresent(channel + "#" + second, (key, count) -> Math.max(0, count - tokens));
  }

  public synchronized long taken(String channel, long second) {
    return taken.getOrDefault(channel + "#" + second, 0L);
  }
}
