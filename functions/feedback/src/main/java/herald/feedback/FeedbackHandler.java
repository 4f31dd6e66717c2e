package herald.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.adapters.json.SesEventJson;
import herald.domain.delivery.RecordFeedback;
import herald.platform.BusInput;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.Startup;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * SES publishes what happened to an email on EventBridge (source aws.ses); its message moves forward and a hard
 * bounce or a complaint suppresses the address. A malformed event is logged and dropped; any other failure
 * throws, so EventBridge retries the event.
 */
public final class FeedbackHandler implements RequestStreamHandler {
  private final RecordFeedback record;

  public FeedbackHandler() { this(Env.system()); }
  public FeedbackHandler(Env env) {
    this(Startup.component("feedback", env, DaggerFeedbackComponent.factory()::create).record());
  }
  FeedbackHandler(RecordFeedback record) { this.record = record; }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    BusInput.read(input, "feedback_rejected", SesEventJson::read).ifPresent(feedback -> {
      var outcome = record.record(feedback);
      Log.info("feedback_recorded", "message_id", String.valueOf(feedback.messageId()), "kind", feedback.kind().name(),
          "moved_to", outcome.moved() == null ? "none" : outcome.moved().name(),
          "suppressed", Integer.toString(outcome.suppressed()));
    });
  }
}
