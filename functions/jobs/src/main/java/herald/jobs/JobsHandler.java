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
import herald.platform.Priming;
import herald.platform.SqsBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Background jobs (import parts, segment scans, purges of deleted segments' shards); a job stops taking on work
 * with {@link #MARGIN_MS} left.
 */
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
    Map<String, String> done = run.run(job, () -> context == null || context.getRemainingTimeInMillis() > MARGIN_MS);
    List<String> fields = new ArrayList<>(List.of("job", job.getClass().getSimpleName()));
    if (job.actionId() != null) Collections.addAll(fields, "async_action_id", job.actionId());
    done.forEach((key, value) -> Collections.addAll(fields, key, value));
    Log.info("job_done", fields.toArray(String[]::new));
  }
}
