package herald.adapters.aws;

import herald.adapters.json.JobJson;
import herald.domain.jobs.Job;
import herald.domain.jobs.Jobs;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Background jobs onto an SQS queue, in batches (see {@link SqsBatches}). */
public final class SqsJobs implements Jobs {
  private final SqsBatches batches;

  public SqsJobs(SqsClient sqs, String queueUrl) {
    this.batches = new SqsBatches(sqs, queueUrl, "jobs");
  }

  @Override
  public void put(List<? extends Job> jobs, Duration delay) {
    batches.send(jobs.stream().map(job -> JobJson.write((Job) job)).toList(), Math.toIntExact(delay.toSeconds()));
  }
}
