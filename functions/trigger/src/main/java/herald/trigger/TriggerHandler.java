package herald.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.domain.trigger.DispatchEvent;
import herald.platform.BusInput;
import herald.platform.Env;
import herald.platform.Startup;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * EventBridge delivers a catalogue event; the active distributions it triggers get their send jobs (the
 * event's customer) or fan-out jobs (one per shard of a segment audience).
 * An event that is not valid is recorded as rejected, with its reason, and dropped (retrying cannot fix it); any
 * other failure throws, so EventBridge retries and finally dead-letters the event.
 */
public final class TriggerHandler implements RequestStreamHandler {
  private final AdmitEvent admit;
  private final DispatchEvent dispatch;

  public TriggerHandler() { this(Env.system()); }
  public TriggerHandler(Env env) { this(Startup.component("trigger", env, DaggerTriggerComponent.factory()::create)); }
  private TriggerHandler(TriggerComponent component) { this(component.admit(), component.dispatch()); }
  TriggerHandler(AdmitEvent admit, DispatchEvent dispatch) {
    this.admit = admit;
    this.dispatch = dispatch;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    BusInput.read(input, "event_rejected", json -> json).flatMap(admit::admit)
        .ifPresent(event -> Dispatches.log(event, dispatch.dispatch(event)));
  }
}
