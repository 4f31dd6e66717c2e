package herald.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.adapters.json.EventJson;
import herald.domain.common.Invalid;
import herald.domain.trigger.DispatchEvent;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.Log;
import herald.platform.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * EventBridge delivers a catalogue event; the active distributions it triggers get their send jobs (the
 * event's customer) or fan-out jobs (one per shard of a segment audience).
 * A malformed event is logged and dropped (retrying cannot fix it); any other failure throws, so
 * EventBridge retries and finally dead-letters the event.
 */
public final class TriggerHandler implements RequestStreamHandler {
  private final DispatchEvent dispatch;

  public TriggerHandler() {
    this(Env.system());
  }

  public TriggerHandler(Env env) {
    this(DaggerTriggerComponent.factory().create(env));
  }

  private TriggerHandler(TriggerComponent component) {
    this(component.dispatch());
    Priming.register("trigger", component::prime);
  }

  TriggerHandler(DispatchEvent dispatch) {
    this.dispatch = dispatch;
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
    DispatchEvent.Dispatched dispatched = dispatch.dispatch(event);
    for (DispatchEvent.Skipped skipped : dispatched.skipped()) {
      Log.info("distribution_skipped", "correlation_id", event.id(), "distribution_id", skipped.distributionId(),
          "reason", skipped.reason());
    }
    Log.info("event_dispatched", "correlation_id", event.id(), "type", event.type(),
        "jobs", Integer.toString(dispatched.sendJobs().size()),
        "fanout_jobs", Integer.toString(dispatched.fanoutJobs().size()));
  }
}
