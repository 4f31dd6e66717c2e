package herald.domain.fakes;

import herald.domain.limits.RateWindows;
import java.util.HashMap;
import java.util.Map;

/** Send-rate windows in memory: tokens taken and attempts refused per channel and second. */
public final class InMemoryRateWindows implements RateWindows {
  private final Map<String, Long> taken = new HashMap<>();
  private final Map<String, Long> refused = new HashMap<>();

  @Override
  public synchronized long take(String channel, long second, int capacity) {
    String key = channel + "#" + second;
    if (taken.getOrDefault(key, 0L) < capacity) {
      taken.merge(key, 1L, Long::sum);
      return 0;
    }
    return refused.merge(key, 1L, Long::sum);
  }

  public synchronized long taken(String channel, long second) {
    return taken.getOrDefault(channel + "#" + second, 0L);
  }
}
