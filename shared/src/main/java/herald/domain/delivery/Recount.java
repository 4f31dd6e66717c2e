package herald.domain.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * What a recount of a distribution's messages found ({@link ReconcileStats}): when, per channel the messages in each
 * status and how many were opened and clicked, per status (FAILED, SKIPPED) the count of each reason, the codes
 * published (recipients of a publish_code distribution holding a code: one of their messages was sent), and per hour
 * of creation the messages in each status.
 */
public record Recount(Instant at, Map<String, Map<MessageStatus, Long>> statuses,
    Map<String, Map<Engagement, Long>> engaged, Map<MessageStatus, Map<String, Long>> reasons, long codesPublished,
    Map<Instant, Map<MessageStatus, Long>> hours) {
  public Recount {
    statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
    engaged = engaged == null ? Map.of() : Map.copyOf(engaged);
    reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    hours = hours == null ? Map.of() : Map.copyOf(hours);
  }

  /** Messages with a given status over every channel. */
  public long total(MessageStatus status) {
    return statuses.values().stream().mapToLong(c -> c.getOrDefault(status, 0L)).sum();
  }
}
