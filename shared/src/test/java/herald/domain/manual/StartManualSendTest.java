package herald.domain.manual;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.delivery.CompleteManualSend;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendProgress;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.SendSchedule;
import herald.domain.fakes.InMemoryActivity;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.InMemoryStatusCounters;
import herald.domain.fakes.RecordingFanoutQueue;
import herald.domain.fakes.RecordingSendQueue;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.segments.RunningEvaluations;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartManualSendTest {
  private final TestClock clock = new TestClock(T0);
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final RecordingSendQueue sendQueue = new RecordingSendQueue();
  private final RecordingFanoutQueue fanoutQueue = new RecordingFanoutQueue();
  private final Progress progress = new Progress();
  private final Starts starts = new Starts();
  private final InMemoryStatusCounters stats = new InMemoryStatusCounters();
  private final CompleteManualSend complete =
      new CompleteManualSend(distributions, progress, stats, new InMemoryActivity(), clock,
          new herald.domain.delivery.ReconcileStats(new herald.domain.fakes.InMemoryMessages(clock), stats,
              distributions, new InMemoryActivity(), clock));
  private final StartManualSend start = new StartManualSend(distributions, segments,
      new RunningEvaluations(actions, clock), sendQueue, fanoutQueue, progress, starts, new InMemoryActivity(), clock,
      complete);

  @Test
  void sendsToOneCustomerOnEveryChannelAndIsDoneWhenEveryMessageEnded() {
    Distribution d = scheduled(Audience.customer("cust_1"));

    assertThat(start.start(new ManualStart(d.id(), d.schedule().id()))).isEqualTo(StartManualSend.Outcome.STARTED);

    assertThat(status(d)).isEqualTo(DistributionStatus.SENDING);
    assertThat(sendQueue.jobs()).extracting(SendJob::customerId).containsExactly("cust_1");
    SendJob job = sendQueue.jobs().get(0);
    assertThat(job.eventId()).isEqualTo(d.schedule().id());
    assertThat(job.event().manual()).isTrue();
    complete.check(d.id());
    assertThat(status(d)).as("no message ended yet").isEqualTo(DistributionStatus.SENDING);
    stats.moved(d.id(), "email", null, MessageStatus.SENDING);
    stats.moved(d.id(), "email", MessageStatus.SENDING, MessageStatus.SENT);
    complete.check(d.id());
    assertThat(status(d)).isEqualTo(DistributionStatus.DONE);
  }

  @Test
  void aStartDeliveredTwiceQueuesTheSameMessages() {
    Distribution d = scheduled(Audience.customer("cust_1"));
    ManualStart job = new ManualStart(d.id(), d.schedule().id());
    start.start(job);
    start.start(job);
    assertThat(sendQueue.jobs()).hasSize(2);
    assertThat(sendQueue.jobs().get(0).messageId()).isEqualTo(sendQueue.jobs().get(1).messageId());
    assertThat(progress.of(d.id()).orElseThrow().queued()).as("counted once").isEqualTo(1);
  }

  @Test
  void sendsNothingWhenStoppedDuringGracePeriod() {
    Distribution d = scheduled(Audience.customer("cust_1"));
    distributions.replace(distributions.get(d.id()).orElseThrow().moveTo(DistributionStatus.STOPPED, T0), d.version());

    assertThat(start.start(new ManualStart(d.id(), d.schedule().id()))).isEqualTo(StartManualSend.Outcome.STOPPED);
    assertThat(sendQueue.jobs()).isEmpty();
    assertThat(status(d)).isEqualTo(DistributionStatus.STOPPED);
  }

  @Test
  void aStartOfAnEarlierScheduleDoesNothing() {
    Distribution d = scheduled(Audience.customer("cust_1"));
    String earlier = d.schedule().id();
    Distribution again = d.scheduled(SendSchedule.at(T0.plusSeconds(60)), T0);
    distributions.replace(again, d.version());

    assertThat(start.start(new ManualStart(d.id(), earlier))).isEqualTo(StartManualSend.Outcome.SUPERSEDED);
    assertThat(sendQueue.jobs()).isEmpty();
  }

  @Test
  void aSentOneIsNotSentAgain() {
    Distribution d = scheduled(Audience.customer("cust_1"));
    Distribution done = d.moveTo(DistributionStatus.SENDING, T0).moveTo(DistributionStatus.DONE, T0);
    distributions.replace(done, d.version());
    assertThat(start.start(new ManualStart(d.id(), d.schedule().id()))).isEqualTo(StartManualSend.Outcome.ALREADY_SENT);
    assertThat(sendQueue.jobs()).isEmpty();
  }

  @Test
  void aSegmentAudienceFansOutPerShardOnceItsEvaluationIsDone() {
    Segment segment = Segment.create("seg_1", "Gold", SegmentType.STATIC, null, T0).evaluatedBy("act_1");
    actions.create(AsyncAction.start("act_1", AsyncActionType.SEGMENT_EVALUATION, null, T0));
    segments.create(segment);
    Distribution d = scheduled(Audience.segment("seg_1"));
    ManualStart job = new ManualStart(d.id(), d.schedule().id());

    assertThat(start.start(job)).isEqualTo(StartManualSend.Outcome.SEGMENT_EVALUATING);
    assertThat(starts.retries).containsExactly(StartManualSend.EVALUATION_WAIT);
    assertThat(fanoutQueue.jobs()).isEmpty();
    assertThat(status(d)).isEqualTo(DistributionStatus.SCHEDULED);

    actions.total("act_1", 0, Map.of());   // the evaluation finished
    assertThat(start.start(job)).isEqualTo(StartManualSend.Outcome.STARTED);
    assertThat(fanoutQueue.jobs()).hasSize(segment.shards());
    assertThat(fanoutQueue.jobs().get(0).event().id()).isEqualTo(d.schedule().id());
  }

  private Distribution scheduled(Audience audience) {
    Distribution draft = new Distribution("dist_" + audience.type(), "By hand", null, DistributionStatus.DRAFT,
        Samples.manual(), audience, Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()), 1, T0, T0);
    distributions.create(draft);
    Distribution scheduled = draft.scheduled(SendSchedule.at(T0), T0);
    distributions.replace(scheduled, 1);
    return scheduled;
  }

  private DistributionStatus status(Distribution d) {
    return distributions.get(d.id()).orElseThrow().status();
  }

  /** The progress port as the adapter keeps it: one count per run, overwritten when a run repeats. */
  private static final class Progress implements SendProgress {
    private final Map<String, Integer> parts = new HashMap<>();
    private final Map<String, Map<String, Long>> runs = new HashMap<>();
    private final Map<String, Map<Integer, Boolean>> done = new HashMap<>();

    @Override public synchronized void started(String distributionId, String scheduleId, int count) {
      parts.put(distributionId, count);
    }

    @Override public synchronized void queued(String distributionId, int part, int page, long count, boolean last) {
      runs.computeIfAbsent(distributionId, k -> new HashMap<>()).put(part + "_" + page, count);
      if (last) done.computeIfAbsent(distributionId, k -> new HashMap<>()).put(part, true);
    }

    @Override public synchronized Optional<SendProgress.Progress> of(String distributionId) {
      if (!parts.containsKey(distributionId)) return Optional.empty();
      long queued = runs.getOrDefault(distributionId, Map.of()).values().stream().mapToLong(Long::longValue).sum();
      return Optional.of(new SendProgress.Progress("sch", parts.get(distributionId),
          done.getOrDefault(distributionId, Map.of()).size(), queued));
    }
  }

  private static final class Starts implements ManualStarts {
    final List<Duration> retries = new ArrayList<>();

    @Override public void afterGracePeriod(ManualStart start) {}

    @Override public void at(ManualStart start, Instant at) {}

    @Override public void retryIn(ManualStart start, Duration delay) {
      retries.add(delay);
    }
  }
}
