package herald.segments;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.EventJson;
import herald.domain.events.TriggerEvent;
import herald.domain.segments.RefreshTimedSegments;
import herald.domain.segments.RefreshTimedSegments.Refresh;
import herald.domain.segments.TrackBehaviour;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * What reaches the segments function: an event about a customer, added to their behaviour (once per event id)
 * before their segments are evaluated again; or the schedule's event (source aws.events, detail-type Scheduled
 * Event), which re-evaluates in the background every auto-update segment whose rules depend on now.
 */
final class SegmentsInput {
  private final TrackBehaviour track;
  private final RefreshTimedSegments refresh;

  @Inject
  SegmentsInput(TrackBehaviour track, RefreshTimedSegments refresh) {
    this.track = track;
    this.refresh = refresh;
  }

  /** One input: the schedule's event id, or an event about a customer. */
  record Input(String scheduleEventId, TriggerEvent event) {
    static Input read(JsonNode event) {
      return scheduled(event) ? new Input(event.path("id").asText(), null)
          : new Input(null, EventJson.fromEventBridge(event));
    }
  }

  void handle(Input input) {
    if (input.event() == null) {
      refresh(input.scheduleEventId());
      return;
    }
    TriggerEvent event = input.event();
    TrackBehaviour.Tracked tracked = track.track(event);
    String outcome = tracked == TrackBehaviour.Tracked.CUSTOMER_UNKNOWN ? "customer_unknown" : "behaviour_tracked";
    Log.info(outcome, "correlation_id", event.id(), "type", event.type(), "customer_id", event.customer().id(),
        "tracked", tracked.name().toLowerCase(Locale.ROOT));
  }

  /** An EventBridge schedule's event, as the template's Schedule event source sends it. */
  static boolean scheduled(JsonNode event) {
    return event != null && "aws.events".equals(event.path("source").asText())
        && "Scheduled Event".equals(event.path("detail-type").asText());
  }

  private void refresh(String scheduleEventId) {
    List<Refresh> refreshed = refresh.refresh();
    for (Refresh r : refreshed) {
      Log.info("segment_refresh", "correlation_id", scheduleEventId, "segment_id", r.segmentId(),
          "outcome", r.outcome().name().toLowerCase(Locale.ROOT), "async_action_id", r.actionId());
    }
    Log.info("segments_refreshed", "correlation_id", scheduleEventId, "segments", String.valueOf(refreshed.size()),
        "started", String.valueOf(refreshed.stream().filter(r -> r.outcome() == RefreshTimedSegments.Outcome.STARTED)
            .count()));
  }
}
