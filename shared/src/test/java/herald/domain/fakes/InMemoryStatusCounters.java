package herald.domain.fakes;

import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.StatusCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counters in maps, moved exactly as the port says. */
public final class InMemoryStatusCounters implements StatusCounters {
  private final Map<String, Map<String, Map<MessageStatus, Long>>> counts = new LinkedHashMap<>();

  @Override
  public synchronized void moved(String distributionId, String channel, MessageStatus from, MessageStatus to) {
    if (from == to) return;
    Map<MessageStatus, Long> byStatus = counts.computeIfAbsent(distributionId, d -> new TreeMap<>())
        .computeIfAbsent(channel, c -> new LinkedHashMap<>());
    if (from != null) byStatus.merge(from, -1L, Long::sum);
    if (to != null) byStatus.merge(to, 1L, Long::sum);
  }

  @Override
  public synchronized Map<String, Map<MessageStatus, Long>> of(String distributionId) {
    return Map.copyOf(counts.getOrDefault(distributionId, Map.of()));
  }

  /** The count of one status on one channel (0 when never reached). */
  public synchronized long count(String distributionId, String channel, MessageStatus status) {
    return counts.getOrDefault(distributionId, Map.of()).getOrDefault(channel, Map.of()).getOrDefault(status, 0L);
  }
}
