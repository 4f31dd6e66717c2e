package herald.domain.fakes;

import herald.domain.delivery.Engagement;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Recount;
import herald.domain.delivery.StatusCounters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Counters in maps, moved exactly as the port says. */
public final class InMemoryStatusCounters implements StatusCounters {
  private final Map<String, Map<String, Map<MessageStatus, Long>>> counts = new LinkedHashMap<>();
  private final Map<String, Map<String, Map<Engagement, Long>>> engaged = new LinkedHashMap<>();
  private final Map<String, Instant> moved = new LinkedHashMap<>();
  private final Map<String, Recount> recounts = new LinkedHashMap<>();
  private final Map<LocalDate, Map<String, Map<MessageStatus, Long>>> days = new TreeMap<>();
  private final Clock clock;

  public InMemoryStatusCounters() {
    this(Clock.systemUTC());
  }

  public InMemoryStatusCounters(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void moved(String distributionId, String channel, MessageStatus from, MessageStatus to) {
    if (from == to) return;
    Map<MessageStatus, Long> byStatus = counts.computeIfAbsent(distributionId, d -> new TreeMap<>())
        .computeIfAbsent(channel, c -> new LinkedHashMap<>());
    if (from != null) byStatus.merge(from, -1L, Long::sum);
    if (to != null) byStatus.merge(to, 1L, Long::sum);
    moved.put(distributionId, clock.instant());
    if (to != null && to.finished()) {
      days.computeIfAbsent(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), d -> new TreeMap<>())
          .computeIfAbsent(channel, c -> new EnumMap<>(MessageStatus.class)).merge(to, 1L, Long::sum);
    }
  }

  @Override
  public synchronized Map<String, Map<MessageStatus, Long>> of(String distributionId) {
    return Map.copyOf(counts.getOrDefault(distributionId, Map.of()));
  }

  @Override
  public synchronized void engaged(String distributionId, String channel, Engagement what) {
    engaged.computeIfAbsent(distributionId, d -> new TreeMap<>()).computeIfAbsent(channel,
        c -> new EnumMap<>(Engagement.class)).merge(what, 1L, Long::sum);
    moved.put(distributionId, clock.instant());
  }

  @Override
  public synchronized Map<String, Map<Engagement, Long>> engagement(String distributionId) {
    return Map.copyOf(engaged.getOrDefault(distributionId, Map.of()));
  }

  @Override
  public synchronized void recounted(String distributionId, Recount recount) {
    Map<String, Map<MessageStatus, Long>> statuses = new TreeMap<>();
    recount.statuses().forEach((c, s) -> statuses.put(c, new LinkedHashMap<>(s)));
    counts.put(distributionId, statuses);
    Map<String, Map<Engagement, Long>> e = new TreeMap<>();
    recount.engaged().forEach((c, s) -> e.put(c, new EnumMap<>(s)));
    engaged.put(distributionId, e);
    recounts.put(distributionId, recount);
  }

  @Override
  public synchronized Optional<Recount> lastRecount(String distributionId) {
    return Optional.ofNullable(recounts.get(distributionId));
  }

  @Override
  public synchronized Optional<Instant> lastMoved(String distributionId) {
    return Optional.ofNullable(moved.get(distributionId));
  }

  @Override
  public synchronized Map<Instant, Map<MessageStatus, Long>> hours(String distributionId, Instant from, Instant to) {
    Recount r = recounts.get(distributionId);
    Map<Instant, Map<MessageStatus, Long>> hours = new TreeMap<>();
    if (r != null) r.hours().forEach((h, c) -> { if (!h.isBefore(from) && !h.isAfter(to)) hours.put(h, c); });
    return hours;
  }

  @Override
  public synchronized Map<LocalDate, Map<String, Map<MessageStatus, Long>>> daily(LocalDate from, LocalDate to) {
    Map<LocalDate, Map<String, Map<MessageStatus, Long>>> found = new TreeMap<>();
    days.forEach((day, c) -> { if (!day.isBefore(from) && !day.isAfter(to)) found.put(day, c); });
    return found;
  }

  /** The count of one status on one channel (0 when never reached). */
  public synchronized long count(String distributionId, String channel, MessageStatus status) {
    return counts.getOrDefault(distributionId, Map.of()).getOrDefault(channel, Map.of()).getOrDefault(status, 0L);
  }
}
