package herald.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.platform.BusInput;
import herald.platform.Env;
import herald.platform.Startup;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * EventBridge delivers an event about a customer, or the schedule's event ({@link SegmentsInput}). A malformed
 * event is logged and dropped (retrying cannot fix it); any other failure throws, so the invocation is retried
 * and finally sent to the function's on-failure destination.
 */
public final class SegmentsHandler implements RequestStreamHandler {
  private final SegmentsInput segments;

  public SegmentsHandler() { this(Env.system()); }
  public SegmentsHandler(Env env) {
    this(Startup.component("segments", env, DaggerSegmentsComponent.factory()::create).input());
  }
  SegmentsHandler(SegmentsInput segments) { this.segments = segments; }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    BusInput.read(input, "event_rejected", SegmentsInput.Input::read).ifPresent(segments::handle);
  }
}
