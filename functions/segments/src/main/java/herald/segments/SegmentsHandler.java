package herald.segments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.platform.BusInput;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.Startup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * The only function that evaluates segments. Its inputs ({@link SegmentsInput}): events about customers from the
 * bus, two schedules, and SQS batches of customer changes and segment scan parts, answered with Lambda's partial
 * batch response. Input that is not JSON is logged and dropped; a failure throws, so the invocation is retried (bus
 * events and schedules, then sent to the on-failure destination) or the records come back (SQS, then to the DLQ).
 * Work that goes page by page (scans, the sweep) stops taking pages with {@link #MARGIN_MS} left.
 */
public final class SegmentsHandler implements RequestStreamHandler {
  static final long MARGIN_MS = 60_000;
  private final SegmentsInput segments;

  public SegmentsHandler() { this(Env.system()); }
  public SegmentsHandler(Env env) {
    this(Startup.component("segments", env, DaggerSegmentsComponent.factory()::create).input());
  }
  SegmentsHandler(SegmentsInput segments) { this.segments = segments; }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    BooleanSupplier timeLeft = () -> context == null || context.getRemainingTimeInMillis() > MARGIN_MS;
    var reply = BusInput.read(input, "event_rejected", json -> json).flatMap(json -> segments.handle(json, timeLeft));
    if (reply.isPresent()) output.write(Json.write(reply.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
