package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SqsSegmentScans;
import herald.adapters.json.JobJson;
import herald.domain.jobs.Job;
import herald.domain.segments.ScanJob;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsSegmentScansTest {
  private final Env env = StandIns.get().freshEnv();
  private final SqsClient sqs = StandIns.sqs(env);
  private final String queue = env.get("SEGMENT_SCANS_QUEUE_URL");

  @Test
  void queuesScanPartsIntactAndOnlyOnceTheirDelayHasPassed() {
    List<ScanJob> scans = List.of(new ScanJob("act_2", "seg_1", 3, 1, 4, "cursor-1"),
        new ScanJob("act_2", "seg_1", 3, 0, 4, null));

    new SqsSegmentScans(sqs, queue).put(scans, Duration.ofSeconds(2));

    long sent = System.nanoTime();
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages()).isEmpty();
    List<Job> received = new ArrayList<>();
    while (received.size() < 2 && System.nanoTime() - sent < Duration.ofSeconds(10).toNanos()) {
      sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(30))
          .messages().forEach(m -> received.add(JobJson.parse(m.body())));
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(scans);
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
  }
}
