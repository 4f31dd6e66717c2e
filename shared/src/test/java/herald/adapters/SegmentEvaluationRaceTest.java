package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import herald.domain.segments.SegmentRule;
import herald.domain.segments.SegmentType;
import herald.domain.segments.SettleMembership;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many evaluations of one customer at once, against DynamoDB's conditional writes (dynalite). */
class SegmentEvaluationRaceTest {
  private static final int THREADS = 12;
  private static final SegmentRule GOLD = (customer, now) -> "gold".equals(customer.metadata().get("plan"));
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private final Segment gold = new Segment("seg_gold", "Gold", SegmentType.AUTO_UPDATE, GOLD, 4, 1, T0, T0, null);
  private final RecordingEventBus bus = new RecordingEventBus();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private DynamoDbMemberships memberships;
  private SettleMembership settle;
  private EvaluateSegments evaluate;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    memberships = new DynamoDbMemberships(StandIns.dynamo(env), env.get("SEGMENT_MEMBERS_TABLE"));
    InMemorySegments segments = new InMemorySegments();
    segments.create(gold);
    settle = new SettleMembership(memberships, bus, Clock.systemUTC());
    evaluate = new EvaluateSegments(segments, settle, customers, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static Customer customer(String plan) {
    return new Customer(Customer.idFor("ada"), "ada", "Ada", null, null, Map.of("plan", plan), T0, T0);
  }

  @Test
  void manyEvaluationsAtOncePutOneEventPerTransition() throws Exception {
    customers.put(customer("gold"));
    all(i -> evaluate.changed(customer("gold")));
    customers.put(customer("silver"));
    all(i -> evaluate.changed(customer("silver")));
    customers.put(customer("gold"));
    all(i -> evaluate.changed(customer("gold")));

    assertThat(transitions()).extracting(TriggerEvent::type)
        .containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT, SegmentEvents.ENTERED);
    Membership standing = memberships.of(customer("gold").id(), List.of(gold)).get("seg_gold");
    assertThat(standing.member()).isTrue();
    assertThat(standing.seq()).isEqualTo(3);
    assertThat(standing.pending()).isFalse();
  }

  @Test
  void evaluationsPullingBothWaysLeaveOneEventForEveryStepOfTheStanding() throws Exception {
    all(i -> {
      for (int round = 0; round < 5; round++) settle.set(gold, customer("gold").id(), "ada", (i + round) % 2 == 0);
    });

    List<TriggerEvent> transitions = transitions();
    Membership standing = memberships.of(customer("gold").id(), List.of(gold)).get("seg_gold");
    assertThat(transitions).hasSize((int) standing.seq());
    for (int i = 0; i < transitions.size(); i++) {
      assertThat(transitions.get(i).id())
          .isEqualTo(SegmentEvents.transition(gold, customer("gold").id(), "ada", i + 1, i % 2 == 0, T0).id());
      assertThat(transitions.get(i).type()).isEqualTo(i % 2 == 0 ? SegmentEvents.ENTERED : SegmentEvents.LEFT);
    }
    assertThat(standing.pending()).isFalse();
  }

  @Test
  void aTransitionLeftPendingWhenTheBusFailedIsAnnouncedByTheNextEvaluationUnchanged() {
    customers.put(customer("gold"));
    bus.failNext(new IllegalStateException("bus down"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluate.changed(customer("gold")))
        .hasMessage("bus down");
    Membership pending = memberships.of(customer("gold").id(), List.of(gold)).get("seg_gold");
    assertThat(pending.pending()).isTrue();

    evaluate.changed(customer("gold"));

    assertThat(bus.events()).containsExactly(
        SegmentEvents.transition(gold, customer("gold").id(), "ada", 1, true, pending.changedAt()));
    assertThat(memberships.of(customer("gold").id(), List.of(gold)).get("seg_gold"))
        .isEqualTo(new Membership(true, 1, false, pending.changedAt()));
  }

  /**
   * The distinct transitions put, in seq order. An event put twice (its writer and a reader who found it
   * still pending) is the very same event both times, so it counts once downstream.
   */
  private List<TriggerEvent> transitions() {
    Map<String, List<TriggerEvent>> byId = bus.events().stream().collect(Collectors.groupingBy(TriggerEvent::id));
    byId.values().forEach(same -> assertThat(same).allSatisfy(e -> assertThat(e).isEqualTo(same.getFirst())));
    List<Long> seqs = new ArrayList<>();
    List<TriggerEvent> distinct = new ArrayList<>(byId.values().stream().map(List::getFirst).toList());
    for (long seq = 1; seq <= distinct.size(); seq++) seqs.add(seq);
    String customerId = customer("gold").id();
    distinct.sort(Comparator.comparing(e -> seqOf(e, customerId, distinct.size())));
    assertThat(distinct).extracting(e -> seqOf(e, customerId, distinct.size())).isEqualTo(seqs);
    return distinct;
  }

  private long seqOf(TriggerEvent event, String customerId, int max) {
    for (long seq = 1; seq <= max; seq++) {
      if (SegmentEvents.transition(gold, customerId, "ada", seq, true, T0).id().equals(event.id())) return seq;
    }
    return -1;
  }

  private void all(Consumer<Integer> work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      int n = i;
      running.add(pool.submit(() -> {
        start.await();
        work.accept(n);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : running) f.get();
  }
}
