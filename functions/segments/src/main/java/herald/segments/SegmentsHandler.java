package herald.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.adapters.json.EventJson;
import herald.domain.Invalid;
import herald.domain.customers.TrackBehaviour;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.Log;
import herald.platform.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * EventBridge delivers an event about a customer: it is added to the customer's behaviour (once per event id)
 * and their segments are evaluated again. A malformed event is logged and dropped (retrying cannot fix it);
 * any other failure throws, so EventBridge retries and finally dead-letters the event.
 */
public final class SegmentsHandler implements RequestStreamHandler {
  private final TrackBehaviour track;

  public SegmentsHandler() {
    this(Env.system());
  }

  public SegmentsHandler(Env env) {
    this(DaggerSegmentsComponent.factory().create(env));
  }

  private SegmentsHandler(SegmentsComponent component) {
    this(component.track());
    Priming.register("segments", component::prime);
  }

  SegmentsHandler(TrackBehaviour track) {
    this.track = track;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    TriggerEvent event;
    try {
      event = EventJson.fromEventBridge(Json.MAPPER.readTree(input));
    } catch (Invalid | IOException e) {
      Log.error("event_rejected", e);
      return;
    }
    TrackBehaviour.Tracked tracked = track.track(event);
    String outcome = tracked == TrackBehaviour.Tracked.CUSTOMER_UNKNOWN ? "customer_unknown" : "behaviour_tracked";
    Log.info(outcome, "correlation_id", event.id(), "type", event.type(), "customer_id", event.customer().id(),
        "tracked", tracked.name().toLowerCase(java.util.Locale.ROOT));
  }
}
