package herald.domain.segments;

import herald.domain.common.Ids;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The customer.segment.entered and .left events. An event's id derives from the segment, the customer and
 * the transition's seq: announcing a transition again, or sending it to existing members when a
 * distribution is activated, gives the very same event, so its messages are claimed once.
 */
public final class SegmentEvents {
  public static final String ENTERED = EventCatalogue.SEGMENT_ENTERED;
  public static final String LEFT = EventCatalogue.SEGMENT_LEFT;

  private SegmentEvents() {}

  public static TriggerEvent transition(Segment segment, String customerId, String sourceId, long seq,
      boolean entered, Instant at) {
    return new TriggerEvent(Ids.derived("evt_", segment.id(), customerId, Long.toString(seq)),
        entered ? ENTERED : LEFT, at, new TriggerEvent.CustomerRef(customerId, sourceId),
        Map.of("segment", Map.of("id", segment.id(), "name", segment.name())));
  }
}
