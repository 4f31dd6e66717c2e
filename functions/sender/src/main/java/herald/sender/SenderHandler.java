package herald.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendToRecipient;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.SqsBatch;
import herald.platform.SqsRetries;
import herald.platform.Startup;

/** Sends each job of the batch; the ones that failed for a reason that may pass come back later. */
public final class SenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final SendToRecipient send;
  private final SqsRetries retries;

  public SenderHandler() { this(Env.system()); }
  public SenderHandler(Env env) { this(Startup.component("sender", env, DaggerSenderComponent.factory()::create)); }
  private SenderHandler(SenderComponent sender) {
    this(sender.send(), sender.retries());
    sender.channels().connect();
  }
  SenderHandler(SendToRecipient send, SqsRetries retries) { this.send = send; this.retries = retries; }   // tests

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return SqsBatch.each(event, record -> {
      SendJob job = SendJobJson.read(record.getBody());
      Log.info("message_processed", "correlation_id", job.eventId(), "distribution_id", job.distributionId(),
          "message_id", job.messageId(), "channel", job.channel(), "status",
          send.handle(job).map(Enum::name).orElse("ALREADY_CLAIMED"));
    }, retries);
  }
}
