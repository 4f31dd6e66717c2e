package herald.feedback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import herald.adapters.json.SesEventJson;
import herald.domain.common.Invalid;
import herald.domain.delivery.RecordFeedback;
import herald.domain.delivery.RecordFeedback.Feedback;
import herald.platform.Env;
import herald.platform.Json;
import herald.platform.Log;
import herald.platform.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * SES publishes what happened to an email on EventBridge (source aws.ses); its message moves forward and a hard
 * bounce or a complaint suppresses the address. A malformed event is logged and dropped; any other failure
 * throws, so EventBridge retries the event.
 */
public final class FeedbackHandler implements RequestStreamHandler {
  private final RecordFeedback record;

  public FeedbackHandler() {
    this(Env.system());
  }

  public FeedbackHandler(Env env) {
    this(DaggerFeedbackComponent.factory().create(env));
  }

  private FeedbackHandler(FeedbackComponent component) {
    this(component.record());
    Priming.register("feedback", component::prime);
  }

  FeedbackHandler(RecordFeedback record) {
    this.record = record;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Feedback feedback;
    try {
      feedback = SesEventJson.read(Json.MAPPER.readTree(input));
    } catch (Invalid | IOException e) {
      Log.error("feedback_rejected", e);
      return;
    }
    var outcome = record.record(feedback);
    Log.info("feedback_recorded", "message_id", String.valueOf(feedback.messageId()), "kind", feedback.kind().name(),
        "moved_to", outcome.moved() == null ? "none" : outcome.moved().name(), "suppressed", Integer.toString(outcome.suppressed()));
  }
}
