package herald.domain.segments;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluateSegmentPartTest {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final SegmentRule GOLD = (customer, now) -> "gold".equals(customer.metadata().get("plan"));
  private final TestClock clock = new TestClock();
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final RecordingScans jobs = new RecordingScans();
  private final EvaluateSegmentPart evaluate = new EvaluateSegmentPart(segments, customers,
      new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock), customers, clock),
      actions, jobs);
  private final Segment gold = new Segment("seg_gold", "Gold", SegmentType.AUTO_UPDATE, GOLD, 4, 1, T0, T0, null);

  private void customers(int count) {
    for (int i = 0; i < count; i++) {
      customers.put(new Customer(Customer.idFor("c" + i), "c" + i, null, null, null,
          Map.of("plan", i % 3 == 0 ? "gold" : "silver"), T0, T0));
    }
  }

  private String start(int parts) {
    String id = new StartSegmentEvaluation(actions, jobs, clock, parts).start(gold);
    return id;
  }

  /** Runs the queued jobs, and the jobs they put, until none is left; each runs {@code pages} pages at most. */
  private int drain(int pages) {
    int runs = 0;
    for (List<ScanJob> queued = jobs.take(); !queued.isEmpty(); queued = jobs.take()) {
      for (ScanJob job : queued) {
        int[] left = {pages};
        evaluate.handle(job, () -> --left[0] > 0);
        runs++;
      }
    }
    return runs;
  }

  @Test
  void evaluatesEveryCustomerOnceAcrossThePartsAndPutsOneEventPerChange() {
    customers(1_200);
    segments.create(gold);
    String id = start(4);

    int runs = drain(2);

    AsyncAction action = actions.get(id).orElseThrow();
    assertThat(action.type()).isEqualTo(AsyncActionType.SEGMENT_EVALUATION);
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.progress()).containsEntry("customers_evaluated", 1_200L).containsEntry("entered", 400L)
        .containsEntry("left", 0L);
    assertThat(bus.events()).hasSize(400).allSatisfy(e -> assertThat(e.type()).isEqualTo(SegmentEvents.ENTERED));
    assertThat(runs).as("300 customers a part, 2 pages a run: one run a part").isEqualTo(4);
  }

  @Test
  void aPartThatRunsOutOfTimeFollowsOnFromWhereItStoppedAndCountsEachPageOnce() {
    customers(4 * EvaluateSegmentPart.PAGE);
    segments.create(gold);
    String id = start(1);

    int runs = drain(1);
    assertThat(runs).isEqualTo(4);

    AsyncAction action = actions.get(id).orElseThrow();
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.count("customers_evaluated")).isEqualTo(4 * EvaluateSegmentPart.PAGE);
    assertThat(action.count("entered")).isEqualTo((4 * EvaluateSegmentPart.PAGE + 2) / 3);
  }

  @Test
  void aScanJobDeliveredTwiceChangesAndCountsNothingTheSecondTime() {
    customers(EvaluateSegmentPart.PAGE + 100);
    segments.create(gold);
    String id = start(1);
    List<ScanJob> first = jobs.take();
    evaluate.handle(first.getFirst(), () -> false);
    List<ScanJob> follow = new ArrayList<>(jobs.queued());

    evaluate.handle(first.getFirst(), () -> false);
    jobs.take();
    follow.forEach(job -> evaluate.handle(job, () -> true));

    assertThat(actions.get(id).orElseThrow().count("customers_evaluated")).isEqualTo(EvaluateSegmentPart.PAGE + 100);
    assertThat(bus.events()).hasSize((EvaluateSegmentPart.PAGE + 100 + 2) / 3);
    assertThat(actions.get(id).orElseThrow().status()).isEqualTo(AsyncActionStatus.DONE);
  }

  @Test
  void stopsWhenTheSegmentIsDeletedOrANewerEvaluationTookOver() {
    customers(10);
    segments.create(gold);
    String first = start(2);
    segments.delete(gold.id());
    drain(5);
    assertThat(actions.get(first).orElseThrow().status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(actions.get(first).orElseThrow().progress()).containsEntry("parts_stopped", 2L)
        .doesNotContainKey("customers_evaluated");

    segments.create(gold);
    String second = start(2);
    Segment edited = gold.edit("Gold", (c, now) -> true, clock.instant());
    segments.replace(edited, 1);
    String third = new StartSegmentEvaluation(actions, jobs, clock, 2).start(edited);
    segments.replace(edited.evaluatedBy(third), 2);
    drain(5);

    assertThat(actions.get(second).orElseThrow().progress()).containsEntry("parts_stopped", 2L);
    assertThat(actions.get(third).orElseThrow().progress()).containsEntry("customers_evaluated", 10L)
        .containsEntry("entered", 10L).doesNotContainKey("parts_stopped");
  }

  @Test
  void goesOnWhenTheSegmentWasSavedAgainAsEvaluatedByThisAction() {
    customers(10);
    segments.create(gold);
    String id = start(1);
    Segment renamed = gold.edit("Gold customers", GOLD, clock.instant()).evaluatedBy(id);
    segments.replace(renamed, 1);

    drain(5);

    assertThat(actions.get(id).orElseThrow().progress()).containsEntry("customers_evaluated", 10L)
        .doesNotContainKey("parts_stopped");
  }
}
