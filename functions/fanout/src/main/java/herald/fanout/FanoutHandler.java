package herald.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.FanoutJobJson;
import herald.domain.fanout.FanOut;
import herald.domain.fanout.FanoutJob;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.Priming;
import herald.platform.SqsBatch;
import java.util.function.LongSupplier;

/**
 * Runs one fan-out job (BatchSize 1: one shard run per invocation, with its whole time budget). A run that
 * fails comes back whole: it queues the same send jobs again, which the sender claims once.
 */
public final class FanoutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final FanOut fanOut;

  public FanoutHandler() {
    this(Env.system());
  }

  public FanoutHandler(Env env) {
    this(DaggerFanoutComponent.factory().create(env));
  }

  private FanoutHandler(FanoutComponent component) {
    this(component.fanOut());
    Priming.register("fanout", component::prime);
  }

  FanoutHandler(FanOut fanOut) {
    this.fanOut = fanOut;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LongSupplier remaining = context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis();
    return SqsBatch.each(event, record -> runOne(FanoutJobJson.read(record.getBody()), remaining));
  }

  private void runOne(FanoutJob job, LongSupplier remaining) {
    FanOut.Run run = fanOut.run(job, remaining);
    if (run.skipped() != null) {
      Log.info("fanout_skipped", "correlation_id", job.correlationId(), "distribution_id", job.distributionId(),
          "segment_id", job.segmentId(), "shard", Integer.toString(job.shard()), "reason", run.skipped());
      return;
    }
    Log.info("fanout_run", "correlation_id", job.correlationId(), "distribution_id", job.distributionId(),
        "segment_id", job.segmentId(), "shard", Integer.toString(job.shard()), "page", Integer.toString(job.page()),
        "pages", Integer.toString(run.pages()), "members", Integer.toString(run.members()),
        "send_jobs", Integer.toString(run.sendJobs()), "follow_up", Boolean.toString(run.followUp() != null));
  }
}
