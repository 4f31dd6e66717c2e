package herald.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.JobJson;
import herald.domain.jobs.Job;
import herald.domain.jobs.RunJob;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.SqsBatch;
import herald.platform.Startup;
import java.util.function.BooleanSupplier;

/**
 * Background jobs (import parts, purges of deleted segments' shards); a job stops taking on work with {@link
 * #MARGIN_MS} left. It evaluates no segment: an import announces the customers it saved, for the segments function.
 */
public final class JobsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  static final long MARGIN_MS = 60_000;
  private final RunJob run;

  public JobsHandler() { this(Env.system()); }
  public JobsHandler(Env env) { this(Startup.component("jobs", env, DaggerJobsComponent.factory()::create).run()); }
  JobsHandler(RunJob run) { this.run = run; }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    BooleanSupplier timeLeft = () -> context == null || context.getRemainingTimeInMillis() > MARGIN_MS;
    return SqsBatch.each(event, record -> {
      Job job = JobJson.parse(record.getBody());
      Log.info("job_done", Log.fields(run.run(job, timeLeft), "job", job.getClass().getSimpleName(),
          "async_action_id", job.actionId()));
    });
  }
}
