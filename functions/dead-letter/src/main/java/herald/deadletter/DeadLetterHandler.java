package herald.deadletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.RecordDeadLetter;
import herald.platform.Env;
import herald.platform.SqsBatch;
import herald.platform.Startup;

/** Send jobs that kept failing: their messages end FAILED, so nothing is left without a status. */
public final class DeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final RecordDeadLetter record;

  public DeadLetterHandler() { this(Env.system()); }
  public DeadLetterHandler(Env env) {
    this(Startup.component("dead-letter", env, DaggerDeadLetterComponent.factory()::create).record());
  }
  DeadLetterHandler(RecordDeadLetter record) { this.record = record; }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return SqsBatch.each(event, message -> record.record(SendJobJson.read(message.getBody())));
  }
}
