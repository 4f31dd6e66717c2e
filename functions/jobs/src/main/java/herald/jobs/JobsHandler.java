package herald.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.JobJson;
import herald.domain.actions.Job;
import herald.domain.actions.RunJob;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.Priming;
import herald.platform.SqsBatch;

/** Background jobs (import parts, segment scans); a job stops taking on work with {@link #MARGIN_MS} left. */
public final class JobsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  static final long MARGIN_MS = 60_000;
  private final RunJob run;

  public JobsHandler() {
    this(Env.system());
  }

  public JobsHandler(Env env) {
    this(DaggerJobsComponent.factory().create(env));
  }

  private JobsHandler(JobsComponent component) {
    this(component.run());
    Priming.register("jobs", component::prime);
  }

  JobsHandler(RunJob run) {
    this.run = run;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return SqsBatch.each(event, record -> runOne(JobJson.parse(record.getBody()), context));
  }

  private void runOne(Job job, Context context) {
    run.run(job, () -> context == null || context.getRemainingTimeInMillis() > MARGIN_MS);
    Log.info("job_done", "async_action_id", job.actionId(), "job", job.getClass().getSimpleName());
  }
}
