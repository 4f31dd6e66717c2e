package herald.sender;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendToRecipient;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.Metrics;
import herald.platform.SqsBatch;
import herald.platform.SqsRetries;
import herald.platform.Startup;

/** Sends each job of the batch; the ones that failed for a reason that may pass come back later. */
public final class SenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final SendToRecipient send;
  private final SqsRetries retries;
  private final Metrics metrics;
  public SenderHandler() { this(Env.system()); }
  public SenderHandler(Env env) { this(Startup.component("sender", env, DaggerSenderComponent.factory()::create)); }
  private SenderHandler(SenderComponent c) { this(c.send(), c.retries(), c.metrics()); c.channels().connect(); }
  SenderHandler(SendToRecipient send, SqsRetries retries, Metrics metrics) {   // tests
    this.send = send; this.retries = retries; this.metrics = metrics;
  }
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    var batch = metrics.sends();   // Sent, Failed, Skipped and EventToSendLatency by channel, printed as EMF
    var jobs = send.batch(SqsBatch.parsed(event, SendJobJson::read));   // customers read at once, counts at close
    SQSBatchResponse response = SqsBatch.each(event, record -> {
      var job = SendJobJson.read(record.getBody()); var status = batch.add(job, jobs.handle(job));   // SENT: EMF only
      if (!"SENT".equals(status)) Log.info("message_processed", "correlation_id", job.eventId(), "distribution_id",
          job.distributionId(), "message_id", job.messageId(), "channel", job.channel(), "status", status);
    }, retries);
    try { jobs.close(); } catch (RuntimeException e) { Log.error("counts_not_written", e); }   // the recount repairs
    batch.print();
    return response;
  }
}
