package herald.domain.fanout;

import herald.domain.common.Text;
import herald.domain.events.TriggerEvent;

/**
 * One shard of a segment to send a distribution to, from {@code cursor} on (null: from the start). With an
 * {@code event} (a send triggered by it) every member gets that event; without one (existing members, when a
 * {@code customer.segment.entered} distribution is activated) every member gets the entered event of their
 * own membership. {@code page} counts the pages the shard's earlier jobs read, for the logs.
 */
public record FanoutJob(String distributionId, String segmentId, int shard, TriggerEvent event, String cursor,
    int page) {

  public FanoutJob {
    Text.required(distributionId, "distribution_id");
    Text.required(segmentId, "segment_id");
    if (shard < 0) throw new IllegalArgumentException("shard must be 0 or more");
    cursor = Text.optional(cursor);
    if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
  }

  /** The first job of a shard, sending {@code event} to each member. */
  public static FanoutJob forEvent(String distributionId, String segmentId, int shard, TriggerEvent event) {
    if (event == null) throw new IllegalArgumentException("an event fan-out needs its event");
    return new FanoutJob(distributionId, segmentId, shard, event, null, 0);
  }

  /** The first job of a shard, sending each member the entered event of their membership. */
  public static FanoutJob forExistingMembers(String distributionId, String segmentId, int shard) {
    return new FanoutJob(distributionId, segmentId, shard, null, null, 0);
  }

  public boolean existingMembers() {
    return event == null;
  }

  /** The job that carries on after {@code pages} more pages, at {@code next}. */
  public FanoutJob continueAt(String next, int pages) {
    return new FanoutJob(distributionId, segmentId, shard, event, Text.required(next, "cursor"), page + pages);
  }

  /** The id the logs correlate on: the trigger event's, or the distribution's own for existing members. */
  public String correlationId() {
    return existingMembers() ? distributionId : event.id();
  }
}
