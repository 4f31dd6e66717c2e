package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SqsJobs;
import herald.adapters.json.JobJson;
import herald.domain.intake.ImportJob;
import herald.domain.intake.ImportRow;
import herald.domain.jobs.Job;
import herald.domain.segments.PurgeJob;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsJobsTest {
  @Test
  void queuesImportPartsAndPurgeJobsIntactEvenWhenTenPartsExceedABatchsSize() {
    Env env = StandIns.get().freshEnv();
    SqsClient sqs = StandIns.sqs(env);
    String big = "{\"source_id\":\"c\",\"metadata\":{\"note\":\"" + "x".repeat(1000) + "\"}}";
    List<Job> jobs = new ArrayList<>();
    for (int part = 0; part < 12; part++) {
      List<ImportRow> rows = new ArrayList<>();
      for (int line = 2; line < 190; line++) rows.add(ImportRow.of(line, big));
      rows.add(ImportRow.unreadable(190, "malformed_row", null, "a quoted field is not closed"));
      jobs.add(new ImportJob("act_1", part, rows));
    }
    jobs.add(PurgeJob.of("seg_9", 2));
    jobs.add(PurgeJob.of("seg_9", 0).asSweep());

    new SqsJobs(sqs, env.get("JOBS_QUEUE_URL")).put(jobs);

    List<Job> received = new ArrayList<>();
    for (int tries = 0; tries < 30 && received.size() < jobs.size(); tries++) {
      sqs.receiveMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages().forEach(m -> received.add(JobJson.parse(m.body())));
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(jobs);
  }

  @Test
  void aDelayedJobIsTakenOnlyOnceItsDelayHasPassed() {
    Env env = StandIns.get().freshEnv();
    SqsClient sqs = StandIns.sqs(env);
    String queue = env.get("JOBS_QUEUE_URL");
    PurgeJob sweep = PurgeJob.of("seg_2", 0).asSweep();

    new SqsJobs(sqs, queue).put(List.of(sweep), Duration.ofSeconds(2));

    long sent = System.nanoTime();
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages()).isEmpty();
    List<Job> received = new ArrayList<>();
    while (received.isEmpty() && System.nanoTime() - sent < Duration.ofSeconds(10).toNanos()) {
      sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages().forEach(m -> received.add(JobJson.parse(m.body())));
    }
    assertThat(received).containsExactly(sweep);
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
  }
}
