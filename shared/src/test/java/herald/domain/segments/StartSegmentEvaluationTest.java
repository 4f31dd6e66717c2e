package herald.domain.segments;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.RecordingScans;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartSegmentEvaluationTest {
  private final RecordingScans jobs = new RecordingScans();

  @Test
  void queuesOneScanPerPartAfterTheSegmentCachesHaveExpired() {
    TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
    InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
    var start = new StartSegmentEvaluation(actions, jobs, clock, 3);
    Segment segment = new Segment("seg_1", "VIP", SegmentType.AUTO_UPDATE, (c, now) -> true, 16, 4,
        Instant.EPOCH, Instant.EPOCH, null);

    String id = start.start(segment);

    assertThat(jobs.queued()).hasSize(3).allSatisfy(job -> assertThat(job).isInstanceOfSatisfying(ScanJob.class,
        scan -> assertThat(scan.segmentId()).isEqualTo("seg_1")));
    assertThat(jobs.queued()).extracting(job -> (job).part()).containsExactly(0, 1, 2);
    // longer than the second for which any process may still evaluate against the former rules
    assertThat(jobs.delays()).singleElement().isEqualTo(Duration.ofSeconds(2));
    assertThat(actions.get(id)).get().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AsyncActionType.SEGMENT_EVALUATION);
      assertThat(a.status()).isEqualTo(AsyncActionStatus.IN_PROGRESS);
    });
  }
}
