package herald.deadletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.platform.Env;
import herald.platform.SqsBatch;
import herald.platform.Startup;

/**
 * Every dead-letter queue of the stack: send jobs that kept failing end FAILED, so nothing is left without a status;
 * what the other queues held is recorded as dead letters (GET /v1/dead-letters), a manual send whose start
 * dead-lettered is stopped, and a metric counts them all.
 */
public final class DeadLetterHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final DeadLetterIntake intake;

  public DeadLetterHandler() { this(Env.system()); }
  public DeadLetterHandler(Env env) {
    this(Startup.component("dead-letter", env, DaggerDeadLetterComponent.factory()::create).intake());
  }
  DeadLetterHandler(DeadLetterIntake intake) { this.intake = intake; }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    DeadLetterIntake.Batch batch = intake.batch();
    SQSBatchResponse response = SqsBatch.each(event, batch::take);
    batch.print();
    return response;
  }
}
