package herald.domain.trigger;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.activity.Tallies;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.common.Page;
import herald.domain.customers.Customer;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.InMemoryActivity;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingFanoutQueue;
import herald.domain.fakes.RecordingSendQueue;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.fanout.FanoutJob;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import herald.domain.segments.SegmentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DispatchEventTest {
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final RecordingSendQueue queue = new RecordingSendQueue();
  private final FakePatterns patterns = new FakePatterns();
  private final RecordingFanoutQueue fanout = new RecordingFanoutQueue();
  private final InMemorySegments segments = new InMemorySegments();
  private final DispatchEvent dispatch = new DispatchEvent(distributions, queue, fanout, segments, patterns);
  private final Customer ada = Samples.customer("src-ada");

  @Test
  void queuesOneJobPerChannelForEachActiveDistributionOfTheEventType() {
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));
    distributions.create(Samples.distribution("d2", DistributionStatus.ACTIVE, Samples.orderPaid()));
    TriggerEvent paid = Samples.orderPaid("evt_1", ada);

    List<SendJob> jobs = dispatch.dispatch(paid).sendJobs();

    assertThat(jobs).extracting(SendJob::distributionId).containsExactlyInAnyOrder("d1", "d2");
    assertThat(jobs).allSatisfy(job -> {
      assertThat(job.channel()).isEqualTo("email");
      assertThat(job.customerId()).isEqualTo(ada.id());
      assertThat(job.event()).isEqualTo(paid);
    });
    assertThat(queue.batches()).hasSize(1);
    assertThat(queue.jobs()).containsExactlyInAnyOrderElementsOf(jobs);
  }

  @Test
  void aBusyDistributionNotesItWasTriggeredOnceAMinuteWithACount() {
    var activity = new herald.domain.fakes.InMemoryActivity();
    var noting = new DispatchEvent(distributions, queue, fanout, segments, patterns, activity);
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));

    for (int i = 0; i < 5; i++) noting.dispatch(Samples.orderPaid("evt_" + i, ada));

    assertThat(activity.all()).allSatisfy(e -> {
      assertThat(e.action()).isEqualTo("triggered");
      assertThat(e.details()).containsEntry("event_type", Samples.ORDER_PAID);
    });
    assertThat(activity.all().stream().mapToLong(e -> (Long) e.details().get("count")).sum()).isEqualTo(5);
    assertThat(activity.all()).hasSizeLessThanOrEqualTo(2);   // the minute may turn during the loop
  }

  @Test
  void inAWarmProcessTheDistributionsAreReadOnceAndTheTallyWrittenEveryFewSeconds() {
    var activity = new InMemoryActivity();
    AtomicLong ticker = new AtomicLong();
    AtomicInteger reads = new AtomicInteger();
    Distributions counted = new Distributions() {
      @Override public Optional<Distribution> get(String id) {
        return distributions.get(id);
      }

      @Override public void create(Distribution d) {
        distributions.create(d);
      }

      @Override public boolean replace(Distribution d, long expected) {
        return distributions.replace(d, expected);
      }

      @Override public boolean delete(String id, long expected) {
        return distributions.delete(id, expected);
      }

      @Override public List<Distribution> activeFor(String type) {
        reads.incrementAndGet();
        return distributions.activeFor(type);
      }

      @Override public Page<Distribution> list(DistributionStatus status, String type, String cursor, int limit) {
        return distributions.list(status, type, cursor, limit);
      }
    };
    var warm = new DispatchEvent(new ActiveDistributions(counted, new ActiveDistributions.CacheTime(
        Duration.ofSeconds(5)), ticker::get), queue, fanout, segments, patterns,
        new Tallies(activity, Duration.ofSeconds(10), ticker::get), new TestClock(T0));
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));

    for (int i = 0; i < 20; i++) warm.dispatch(Samples.orderPaid("evt_" + i, ada));

    assertThat(queue.jobs()).hasSize(20);
    assertThat(reads).hasValue(1);
    assertThat(activity.tallies()).isEqualTo(1);
    ticker.addAndGet(Duration.ofSeconds(10).toNanos());
    warm.dispatch(Samples.orderPaid("evt_20", ada));
    assertThat(reads).hasValue(2);
    assertThat(activity.tallies()).isEqualTo(2);
    assertThat(activity.all()).singleElement().satisfies(e -> assertThat(e.details())
        .containsEntry("event_id", "evt_0").containsEntry("count", 21L));
  }

  @Test
  void queuesNothingForPausedDraftOrArchivedDistributions() {
    distributions.create(Samples.distribution("d1", DistributionStatus.PAUSED, Samples.orderPaid()));
    distributions.create(Samples.distribution("d2", DistributionStatus.DRAFT, Samples.orderPaid()));
    distributions.create(Samples.distribution("d3", DistributionStatus.ARCHIVED, Samples.orderPaid()));

    assertThat(dispatch.dispatch(Samples.orderPaid("evt_1", ada)).sendJobs()).isEmpty();

    assertThat(queue.batches()).isEmpty();
  }

  @Test
  void queuesNothingForDistributionsOfAnotherEventType() {
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));

    TriggerEvent created = Samples.event("evt_1", "customer.order.created", ada, Map.of());
    assertThat(dispatch.dispatch(created).sendJobs()).isEmpty();

    assertThat(queue.batches()).isEmpty();
  }

  @Test
  void aCustomEventTriggersOnlyTheDistributionsFilteringOnItsName() {
    distributions.create(Samples.distribution("signup", DistributionStatus.ACTIVE, Samples.custom("signup")));
    distributions.create(Samples.distribution("churn", DistributionStatus.ACTIVE, Samples.custom("churn")));

    List<SendJob> jobs = dispatch.dispatch(Samples.customEvent("evt_1", "signup", ada)).sendJobs();

    assertThat(jobs).extracting(SendJob::distributionId).containsExactly("signup");
    assertThat(queue.jobs()).extracting(SendJob::distributionId).containsExactly("signup");
  }

  @Test
  void aCustomEventWithAnotherNameTriggersNothing() {
    distributions.create(Samples.distribution("signup", DistributionStatus.ACTIVE, Samples.custom("signup")));

    assertThat(dispatch.dispatch(Samples.customEvent("evt_1", "signed_up", ada)).sendJobs()).isEmpty();
    assertThat(queue.batches()).isEmpty();
  }

  @Test
  void aSegmentAudiencePutsOneFanoutJobPerShardCarryingTheEventAndNoSendJob() {
    segments.create(new Segment("seg_1", "Gold", SegmentType.STATIC, null, 3, 1, T0, T0, null));
    distributions.create(new Distribution("seg", "Segment blast", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.segment("seg_1"), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()), 1, T0, T0));
    TriggerEvent paid = Samples.orderPaid("evt_1", ada);

    DispatchEvent.Dispatched dispatched = dispatch.dispatch(paid);

    assertThat(dispatched.sendJobs()).isEmpty();
    assertThat(queue.batches()).isEmpty();
    assertThat(fanout.jobs()).containsExactly(FanoutJob.forEvent("seg", "seg_1", 0, paid),
        FanoutJob.forEvent("seg", "seg_1", 1, paid), FanoutJob.forEvent("seg", "seg_1", 2, paid));
    assertThat(dispatched.fanoutJobs()).isEqualTo(fanout.jobs());
  }

  @Test
  void aSegmentAudienceWhoseSegmentIsGoneSendsNothingAndSaysSo() {
    distributions.create(new Distribution("seg", "Segment blast", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.segment("seg_gone"), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()), 1, T0, T0));
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));

    DispatchEvent.Dispatched dispatched = dispatch.dispatch(Samples.orderPaid("evt_1", ada));

    assertThat(dispatched.skipped()).containsExactly(new DispatchEvent.Skipped("seg", "segment_not_found"));
    assertThat(fanout.jobs()).isEmpty();
    assertThat(dispatched.sendJobs()).extracting(SendJob::distributionId).containsExactly("d1");
  }

  @Test
  void aSegmentTransitionTriggersOnlyTheDistributionsOfItsSegmentAndDirection() {
    Segment a = new Segment("seg_a", "A", SegmentType.STATIC, null, 1, 1, T0, T0, null);
    Segment b = new Segment("seg_b", "B", SegmentType.STATIC, null, 1, 1, T0, T0, null);
    distributions.create(Samples.distribution("entered_a", DistributionStatus.ACTIVE,
        new Trigger(SegmentEvents.ENTERED, Map.of("segment_id", "seg_a"))));
    distributions.create(Samples.distribution("left_a", DistributionStatus.ACTIVE,
        new Trigger(SegmentEvents.LEFT, Map.of("segment_id", "seg_a"))));

    assertThat(dispatch.dispatch(SegmentEvents.transition(b, ada.id(), ada.sourceId(), 1, true, T0)).sendJobs())
        .isEmpty();
    assertThat(dispatch.dispatch(SegmentEvents.transition(a, ada.id(), ada.sourceId(), 1, true, T0)).sendJobs())
        .extracting(SendJob::distributionId).containsExactly("entered_a");
    assertThat(dispatch.dispatch(SegmentEvents.transition(a, ada.id(), ada.sourceId(), 2, false, T0)).sendJobs())
        .extracting(SendJob::distributionId).containsExactly("left_a");
  }

  @Test
  void queuesOneJobForEveryChannelOfTheDistribution() {
    distributions.create(new Distribution("multi", "Many channels", null, DistributionStatus.ACTIVE,
        Samples.orderPaid(), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(Samples.email(), new SmsChannel("Thanks {{customer.name}}", null, null)), 1, T0, T0));

    List<SendJob> jobs = dispatch.dispatch(Samples.orderPaid("evt_1", ada)).sendJobs();

    assertThat(jobs).extracting(SendJob::channel).containsExactly("email", "sms");
    assertThat(jobs).extracting(SendJob::messageId).doesNotHaveDuplicates();
  }

  @Test
  void aSegmentFilterTriggersOnlyTheDistributionOfThatSegment() {
    distributions.create(Samples.distribution("vip", DistributionStatus.ACTIVE,
        new Trigger("customer.segment.entered", Map.of("segment_id", "seg_vip"))));
    distributions.create(Samples.distribution("new", DistributionStatus.ACTIVE,
        new Trigger("customer.segment.entered", Map.of("segment_id", "seg_new"))));

    List<SendJob> jobs = dispatch.dispatch(Samples.event("evt_1", "customer.segment.entered", ada,
        Map.of("segment", Map.of("id", "seg_vip")))).sendJobs();

    assertThat(jobs).extracting(SendJob::distributionId).containsExactly("vip");
  }

  @Test
  void aPatternNarrowsWhichEventsTrigger() {
    distributions.create(Samples.distribution("big", DistributionStatus.ACTIVE,
        new Trigger(Samples.ORDER_PAID, Map.of(), "{\"channel\":[\"web\"]}")));
    distributions.create(Samples.distribution("any", DistributionStatus.ACTIVE, Samples.orderPaid()));

    assertThat(dispatch.dispatch(Samples.event("evt_1", Samples.ORDER_PAID, ada, Map.of("channel", "web"))).sendJobs())
        .extracting(SendJob::distributionId).containsExactlyInAnyOrder("big", "any");
    assertThat(dispatch.dispatch(Samples.event("evt_2", Samples.ORDER_PAID, ada, Map.of("channel", "store")))
        .sendJobs()).extracting(SendJob::distributionId).containsExactly("any");
  }

  @Test
  void dispatchingTheSameEventAgainGivesTheSameMessageIds() {
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));
    TriggerEvent paid = Samples.orderPaid("evt_1", ada);

    String first = dispatch.dispatch(paid).sendJobs().getFirst().messageId();
    String again = dispatch.dispatch(Samples.orderPaid("evt_1", ada)).sendJobs().getFirst().messageId();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void theMessageIdIsTheSameForTheSameDistributionEventCustomerAndChannel() {
    Customer bob = Samples.customer("src-bob");
    SendJob job = new SendJob("d1", "email", ada.id(), Samples.orderPaid("evt_1", ada));

    assertThat(new SendJob("d1", "email", ada.id(), Samples.orderPaid("evt_1", ada)).messageId())
        .isEqualTo(job.messageId())
        .startsWith("msg_");
    assertThat(List.of(
        new SendJob("d2", "email", ada.id(), Samples.orderPaid("evt_1", ada)).messageId(),
        new SendJob("d1", "email", ada.id(), Samples.orderPaid("evt_2", ada)).messageId(),
        new SendJob("d1", "email", bob.id(), Samples.orderPaid("evt_1", bob)).messageId(),
        new SendJob("d1", "sms", ada.id(), Samples.orderPaid("evt_1", ada)).messageId()))
        .doesNotContain(job.messageId())
        .doesNotHaveDuplicates();
  }

  @Test
  void theMessageIdDoesNotDependOnTheEventsDataOrTime() {
    SendJob job = new SendJob("d1", "email", ada.id(), Samples.orderPaid("evt_1", ada));
    TriggerEvent redelivered = new TriggerEvent("evt_1", Samples.ORDER_PAID, T0.plusSeconds(60),
        new TriggerEvent.CustomerRef(ada.id(), null), Map.of("other", 1));

    assertThat(new SendJob("d1", "email", ada.id(), redelivered).messageId()).isEqualTo(job.messageId());
  }

  @Test
  void theMessageIdKeepsItsPartsApart() {
    SendJob one = new SendJob("ab", "email", ada.id(), Samples.orderPaid("c", ada));
    SendJob two = new SendJob("a", "email", ada.id(), Samples.orderPaid("bc", ada));

    assertThat(one.messageId()).isNotEqualTo(two.messageId());
  }
}
