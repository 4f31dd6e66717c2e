package herald.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.EventJson;
import herald.domain.common.Invalid;
import herald.domain.segments.RefreshTimedSegments;
import herald.domain.segments.RefreshTimedSegments.Refresh;
import herald.domain.segments.TrackBehaviour;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.Log;
import herald.platform.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * EventBridge delivers an event about a customer: it is added to the customer's behaviour (once per event id)
 * and their segments are evaluated again. Or the schedule's event (source aws.events, detail-type Scheduled
 * Event) arrives: every auto-update segment whose rules depend on now is re-evaluated in the background. A
 * malformed event is logged and dropped (retrying cannot fix it); any other failure throws, so the invocation is
 * retried and finally sent to the function's on-failure destination.
 */
public final class SegmentsHandler implements RequestStreamHandler {
  private final TrackBehaviour track;
  private final RefreshTimedSegments refresh;

  public SegmentsHandler() {
    this(Env.system());
  }

  public SegmentsHandler(Env env) {
    this(DaggerSegmentsComponent.factory().create(env));
  }

  private SegmentsHandler(SegmentsComponent component) {
    this(component.track(), component.refresh());
    Priming.register("segments", component::prime);
  }

  SegmentsHandler(TrackBehaviour track, RefreshTimedSegments refresh) {
    this.track = track;
    this.refresh = refresh;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    JsonNode event;
    TriggerEvent customerEvent;
    try {
      event = Json.MAPPER.readTree(input);
      if (scheduled(event)) {
        refresh(event.path("id").asText());
        return;
      }
      customerEvent = EventJson.fromEventBridge(event);
    } catch (Invalid | IOException e) {
      Log.error("event_rejected", e);
      return;
    }
    TrackBehaviour.Tracked tracked = track.track(customerEvent);
    String outcome = tracked == TrackBehaviour.Tracked.CUSTOMER_UNKNOWN ? "customer_unknown" : "behaviour_tracked";
    Log.info(outcome, "correlation_id", customerEvent.id(), "type", customerEvent.type(), "customer_id",
        customerEvent.customer().id(), "tracked", tracked.name().toLowerCase(Locale.ROOT));
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
