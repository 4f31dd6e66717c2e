package herald.domain.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import herald.domain.customers.Behaviour;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.RecordingScans;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import herald.domain.segments.RefreshTimedSegments.Outcome;
import herald.domain.segments.RefreshTimedSegments.Refresh;
import herald.domain.segments.rules.Condition;
import herald.domain.segments.rules.Group;
import herald.domain.segments.rules.Moment;
import herald.domain.segments.rules.Operand;
import herald.domain.segments.rules.Operator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefreshTimedSegmentsTest {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Condition ORDERED_IN_30_DAYS = Condition.of("orders.last_order_at", Operator.AFTER,
      new Moment.DaysAgo(30));
  private static final Condition GOLD = Condition.of("metadata.plan", Operator.EQUALS, new Operand.Text("gold"));
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final RecordingScans jobs = new RecordingScans();
  private final EvaluateSegments evaluate =
      new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock), customers, clock);
  private final EvaluateSegmentPart scan = new EvaluateSegmentPart(segments, customers, evaluate, actions, jobs);
  private final StartSegmentEvaluation start = new StartSegmentEvaluation(actions, jobs, clock, 2);
  private final RefreshTimedSegments refresh = new RefreshTimedSegments(segments, start, actions, clock);

  private Segment segment(String id, SegmentType type, Condition rule) {
    Segment segment = Segment.create(id, id, type, rule, clock.instant().minus(DAY.multipliedBy(100)));
    segments.create(segment);
    return segment;
  }

  private Segment recentBuyers() {
    return segment("seg_recent", SegmentType.AUTO_UPDATE, ORDERED_IN_30_DAYS);
  }

  /** A customer whose last order was {@code daysAgo} days before the clock's now. */
  private Customer buyer(String sourceId, int daysAgo) {
    Instant at = clock.instant().minus(DAY.multipliedBy(daysAgo));
    Customer customer = new Customer(Customer.idFor(sourceId), sourceId, null, null, null, null, Map.of(), Map.of(),
        new Behaviour(Map.of(), 1, 5_000, at), at, at, 1);
    customers.put(customer);
    return customer;
  }

  /** Runs the queued scan jobs, and the jobs they put, until none is left. */
  private void drain() {
    for (List<ScanJob> queued = jobs.take(); !queued.isEmpty(); queued = jobs.take()) {
      queued.forEach(job -> scan.handle(job, () -> true));
    }
  }

  private List<TriggerEvent> events(String type) {
    return bus.events().stream().filter(e -> e.type().equals(type)).toList();
  }

  @Test
  void startsAnEvaluationOfEachAutoUpdateSegmentWhoseRulesDependOnNowAndRecordsItOnTheSegment() {
    Segment recent = recentBuyers();
    Segment nested = segments.get(segment("seg_nested", SegmentType.AUTO_UPDATE, GOLD).id()).orElseThrow();
    segments.replace(nested.edit("nested", Group.and(GOLD, Group.or(GOLD, ORDERED_IN_30_DAYS)), nested.createdAt()),
        1);
    segment("seg_gold", SegmentType.AUTO_UPDATE, GOLD);
    segment("seg_vip", SegmentType.STATIC, null);

    List<Refresh> refreshed = refresh.refresh();

    assertThat(refreshed).extracting(Refresh::segmentId, Refresh::outcome).containsExactly(
        tuple("seg_recent", Outcome.STARTED),
        tuple("seg_nested", Outcome.STARTED));
    for (Refresh r : refreshed) {
      Segment after = segments.get(r.segmentId()).orElseThrow();
      assertThat(after.evaluationId()).isEqualTo(r.actionId());
      assertThat(actions.get(r.actionId()).orElseThrow().type()).isEqualTo(AsyncActionType.SEGMENT_EVALUATION);
    }
    Segment after = segments.get("seg_recent").orElseThrow();
    assertThat(after.version()).isEqualTo(recent.version());
    assertThat(after.updatedAt()).isEqualTo(recent.updatedAt());
    assertThat(segments.get("seg_gold").orElseThrow().evaluationId()).isNull();
    assertThat(jobs.queued()).hasSize(2 * 2).extracting(ScanJob::actionId)
        .containsOnly(refreshed.get(0).actionId(), refreshed.get(1).actionId());
  }

  @Test
  void aCustomerWhoseLastOrderIsNoLongerRecentLeavesOnceWhenTheRefreshRuns() {
    Segment recent = recentBuyers();
    Customer ada = buyer("ada", 40);
    Customer bob = buyer("bob", 5);
    TestClock earlier = new TestClock(clock.instant().minus(DAY.multipliedBy(20)));
    EvaluateSegments then = new EvaluateSegments(segments, new SettleMembership(memberships, bus, earlier),
        customers, earlier);
    then.evaluate(recent, ada);
    then.evaluate(recent, bob);
    assertThat(memberships.count(recent)).isEqualTo(2);

    String actionId = refresh.refresh().getFirst().actionId();
    drain();

    assertThat(memberships.standing(recent, ada.id()).member()).isFalse();
    assertThat(memberships.standing(recent, bob.id()).member()).isTrue();
    assertThat(events(SegmentEvents.LEFT)).singleElement()
        .satisfies(e -> assertThat(e.customer().id()).isEqualTo(ada.id()));
    AsyncAction action = actions.get(actionId).orElseThrow();
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.progress()).containsEntry("customers_evaluated", 2L).containsEntry("left", 1L)
        .containsEntry("entered", 0L);

    refresh.refresh();
    drain();
    assertThat(events(SegmentEvents.LEFT)).hasSize(1);
  }

  @Test
  void skipsASegmentWhoseEvaluationIsStillInProgressAndRefreshesItOnceDone() {
    recentBuyers();
    buyer("ada", 40);
    String first = refresh.refresh().getFirst().actionId();

    assertThat(refresh.refresh()).containsExactly(new Refresh("seg_recent", first, Outcome.RUNNING));
    assertThat(jobs.queued()).hasSize(2);

    drain();
    Refresh again = refresh.refresh().getFirst();
    assertThat(again.outcome()).isEqualTo(Outcome.STARTED);
    assertThat(again.actionId()).isNotEqualTo(first);
  }

  @Test
  void refreshesASegmentWhoseEvaluationRecordedNothingForAnHourAsStalled() {
    recentBuyers();
    String stalled = refresh.refresh().getFirst().actionId();
    jobs.take();   // lost: the jobs went to the dead-letter queue

    clock.advance(RefreshTimedSegments.STALLED.minusSeconds(1));
    assertThat(refresh.refresh().getFirst().outcome()).isEqualTo(Outcome.RUNNING);
    clock.advance(Duration.ofSeconds(2));
    Refresh again = refresh.refresh().getFirst();

    assertThat(again.outcome()).isEqualTo(Outcome.STARTED);
    assertThat(again.actionId()).isNotEqualTo(stalled);
    assertThat(segments.get("seg_recent").orElseThrow().evaluationId()).isEqualTo(again.actionId());
  }

  @Test
  void aRenameWhileTheRefreshRunsDoesNotStopIt() {
    Segment recent = recentBuyers();
    Customer ada = buyer("ada", 40);
    TestClock twentyDaysAgo = new TestClock(clock.instant().minus(DAY.multipliedBy(20)));
    new EvaluateSegments(segments, new SettleMembership(memberships, bus, twentyDaysAgo), customers, twentyDaysAgo)
        .evaluate(recent, ada);
    String actionId = refresh.refresh().getFirst().actionId();

    Segment current = segments.get(recent.id()).orElseThrow();
    assertThat(segments.replace(current.edit("Bought lately", current.rule(), clock.instant()), current.version()))
        .isTrue();
    drain();

    assertThat(actions.get(actionId).orElseThrow().progress()).containsEntry("left", 1L)
        .doesNotContainKey(EvaluateSegmentPart.STOPPED);
    assertThat(memberships.standing(recent, ada.id()).member()).isFalse();
  }

  @Test
  void anEditOfTheRulesMeanwhileWinsAndTheRefreshLeavesItsEvaluationToRun() {
    Segment recent = recentBuyers();
    buyer("ada", 40);
    Condition ordered7 = Condition.of("orders.last_order_at", Operator.AFTER, new Moment.DaysAgo(7));
    String[] ids = new String[2];
    SegmentEvaluations editedWhileStarting = segment -> {
      String refreshId = start.start(segment);
      if (ids[0] == null) {   // the user's PUT lands between the refresh's read and its write
        ids[0] = refreshId;
        Segment current = segments.get(segment.id()).orElseThrow();
        Segment edited = current.edit(current.name(), ordered7, clock.instant());
        segments.replace(edited, current.version());
        ids[1] = start.start(edited);
        segments.replace(edited.evaluatedBy(ids[1]), edited.version());
      }
      return refreshId;
    };

    List<Refresh> refreshed = new RefreshTimedSegments(segments, editedWhileStarting, actions, clock).refresh();
    drain();

    assertThat(refreshed).containsExactly(new Refresh(recent.id(), ids[1], Outcome.RUNNING));
    Segment after = segments.get(recent.id()).orElseThrow();
    assertThat(after.rule()).isEqualTo(ordered7);
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.evaluationId()).isEqualTo(ids[1]);
    assertThat(actions.get(ids[0]).orElseThrow().progress()).containsEntry(EvaluateSegmentPart.STOPPED, 2L)
        .doesNotContainKey("customers_evaluated");
    assertThat(actions.get(ids[1]).orElseThrow().progress()).containsEntry("customers_evaluated", 1L)
        .doesNotContainKey(EvaluateSegmentPart.STOPPED);
  }

  @Test
  void aSegmentRenamedMeanwhileIsRefreshedAtItsNewVersion() {
    Segment recent = recentBuyers();
    buyer("ada", 40);
    String[] stale = new String[1];
    SegmentEvaluations renamedWhileStarting = segment -> {
      String id = start.start(segment);
      if (stale[0] == null) {   // a rename starts no evaluation of its own
        stale[0] = id;
        Segment current = segments.get(segment.id()).orElseThrow();
        segments.replace(current.edit("Bought lately", current.rule(), clock.instant()), current.version());
      }
      return id;
    };

    Refresh refreshed = new RefreshTimedSegments(segments, renamedWhileStarting, actions, clock).refresh().getFirst();
    drain();

    assertThat(refreshed.outcome()).isEqualTo(Outcome.STARTED);
    assertThat(refreshed.actionId()).isNotEqualTo(stale[0]);
    Segment after = segments.get(recent.id()).orElseThrow();
    assertThat(after.name()).isEqualTo("Bought lately");
    assertThat(after.version()).isEqualTo(2);
    assertThat(after.evaluationId()).isEqualTo(refreshed.actionId());
    assertThat(actions.get(stale[0]).orElseThrow().progress()).containsEntry(EvaluateSegmentPart.STOPPED, 2L);
    assertThat(actions.get(refreshed.actionId()).orElseThrow().progress()).containsEntry("customers_evaluated", 1L);
  }

  @Test
  void aSegmentDeletedMeanwhileIsLeftAlone() {
    recentBuyers();
    SegmentEvaluations deletedWhileStarting = segment -> {
      String id = start.start(segment);
      segments.delete(segment.id());
      return id;
    };

    assertThat(new RefreshTimedSegments(segments, deletedWhileStarting, actions, clock).refresh())
        .containsExactly(new Refresh("seg_recent", null, Outcome.CHANGED));
    assertThat(segments.get("seg_recent")).isEmpty();
  }
}
