package herald.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.FanoutJobJson;
import herald.domain.fanout.FanOut;
import herald.platform.Env;
import herald.platform.Metrics;
import herald.platform.SqsBatch;
import herald.platform.Startup;
import java.util.function.LongSupplier;

/**
 * Runs one fan-out job (BatchSize 1: one shard run per invocation, with its whole time budget). A run that
 * fails comes back whole: it queues the same send jobs again, which the sender claims once.
 */
public final class FanoutHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final FanOut fanOut;
  private final Metrics metrics;

  public FanoutHandler() { this(Env.system()); }
  public FanoutHandler(Env env) { this(Startup.component("fanout", env, DaggerFanoutComponent.factory()::create)); }
  private FanoutHandler(FanoutComponent c) { this(c.fanOut(), c.metrics()); }
  FanoutHandler(FanOut fanOut, Metrics metrics) { this.fanOut = fanOut; this.metrics = metrics; }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    LongSupplier remaining = context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis;
    return SqsBatch.each(event, record -> {
      var job = FanoutJobJson.read(record.getBody());
      long start = System.nanoTime();
      var run = fanOut.run(job, remaining);
      FanoutRuns.log(job, run, (System.nanoTime() - start) / 1_000_000, metrics);
    });
  }
}
