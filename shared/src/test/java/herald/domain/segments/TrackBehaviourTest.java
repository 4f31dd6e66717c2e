package herald.domain.segments;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.TestClock;
import herald.domain.intake.UpsertCustomer;
import herald.domain.segments.TrackBehaviour.Tracked;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackBehaviourTest {
  private final TestClock clock = new TestClock(T0.plus(Duration.ofDays(30)));
  private final InMemoryCustomers customers = new InMemoryCustomers(clock);
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingEventBus bus = new RecordingEventBus();
  /** Customers who did anything at all. */
  private final Segment active = segment(segments, (customer, now) -> !customer.behaviour().events().isEmpty());
  private final TrackBehaviour track = new TrackBehaviour(customers, new FollowCustomer(customers,
      new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock), customers, clock)), clock);
  private final Customer ada = new UpsertCustomer(customers, CustomerChanges.NONE, clock)
      .upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, Map.of("tier", "gold")));

  private static Segment segment(InMemorySegments segments, SegmentRule rule) {
    Segment segment = new Segment("seg_active", "Active", SegmentType.AUTO_UPDATE, rule, 4, 1, T0, T0, null);
    segments.create(segment);
    return segment;
  }

  private TriggerEvent event(String id, String type, Instant at, Map<String, Object> data) {
    return new TriggerEvent(id, type, at, new TriggerEvent.CustomerRef(ada.id(), ada.sourceId()), data);
  }

  private TriggerEvent custom(String id, String name, Instant at) {
    return event(id, "customer.custom_event", at, Map.of("event", name));
  }

  private TriggerEvent paid(String id, Instant at, Map<String, Object> order) {
    return event(id, "customer.order.paid", at, Map.of("order", order));
  }

  private Behaviour behaviour() {
    return customers.get(ada.id()).orElseThrow().behaviour();
  }

  @Test
  void countsEachEventNameWithItsLatestTimeAndCustomEventsByTheirOwnName() {
    track.track(custom("evt_1", "signed_up", T0));
    track.track(custom("evt_2", "viewed_product", T0.plusSeconds(10)));
    track.track(custom("evt_3", "viewed_product", T0.plusSeconds(60)));
    track.track(event("evt_4", "customer.loyalty.tier.joined", T0.plusSeconds(5), Map.of()));

    assertThat(behaviour().events()).containsOnly(
        Map.entry("signed_up", new EventStats(1, T0)),
        Map.entry("viewed_product", new EventStats(2, T0.plusSeconds(60))),
        Map.entry("customer.loyalty.tier.joined", new EventStats(1, T0.plusSeconds(5))));
  }

  @Test
  void anEventArrivingLateCountsButDoesNotMoveTheLastTimeBack() {
    track.track(custom("evt_new", "viewed_product", T0.plusSeconds(60)));
    track.track(custom("evt_old", "viewed_product", T0));

    assertThat(behaviour().events().get("viewed_product")).isEqualTo(new EventStats(2, T0.plusSeconds(60)));
  }

  @Test
  void aPaidOrderAddsItsTotalAmountOrElseItsAmount() {
    track.track(paid("evt_1", T0.plusSeconds(60), Map.of("id", "o-1", "amount", 12000, "total_amount", 10000)));
    track.track(paid("evt_2", T0, Map.of("id", "o-2", "amount", 2500)));
    track.track(paid("evt_3", T0, Map.of("id", "o-3")));

    Behaviour b = behaviour();
    assertThat(b.orderCount()).isEqualTo(3);
    assertThat(b.orderTotalAmount()).isEqualTo(12500);
    assertThat(b.lastOrderAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(b.events().get("customer.order.paid")).isEqualTo(new EventStats(3, T0.plusSeconds(60)));
  }

  @Test
  void onlyAPaidOrderCountsAsAnOrder() {
    track.track(event("evt_1", "customer.order.created", T0, Map.of("order", Map.of("id", "o-1", "amount", 900))));
    track.track(event("evt_2", "customer.order.canceled", T0, Map.of("order", Map.of("id", "o-1", "amount", 900))));

    assertThat(behaviour().orderCount()).isZero();
    assertThat(behaviour().orderTotalAmount()).isZero();
    assertThat(behaviour().events()).containsOnlyKeys("customer.order.created", "customer.order.canceled");
  }

  @Test
  void amountsThatAreNotWholeNonNegativeNumbersAddNothing() {
    assertThat(TrackBehaviour.amount(Map.of("order", Map.of("total_amount", new java.math.BigDecimal("10.5"),
        "amount", 700)))).isEqualTo(700);
    assertThat(TrackBehaviour.amount(Map.of("order", Map.of("total_amount", "1000")))).isZero();
    assertThat(TrackBehaviour.amount(Map.of("order", Map.of("total_amount", -5)))).isZero();
    assertThat(TrackBehaviour.amount(Map.of("order", "o-1"))).isZero();
    assertThat(TrackBehaviour.amount(Map.of("order", Map.of("total_amount", 5_000_000_000L))))
        .isEqualTo(5_000_000_000L);
  }

  @Test
  void aCountedEventEvaluatesTheCustomersSegmentsAndSettlesTheirChange() {
    assertThat(customers.marked(ada.id())).as("upserted, not evaluated yet").isTrue();

    track.track(custom("evt_1", "signed_up", T0));

    assertThat(bus.events()).containsExactly(SegmentEvents.transition(active, ada.id(), "src-ada", 1, true,
        clock.instant()));
    assertThat(customers.marked(ada.id())).isFalse();
  }

  @Test
  void anEventDeliveredAgainCountsOnceButItsCustomerIsEvaluatedAgainFinishingWhatACrashLeft() {
    TriggerEvent order = paid("evt_1", T0, Map.of("id", "o-1", "total_amount", 10000));
    memberships.crashAfterNextChange(new IllegalStateException("killed"));

    assertThatThrownBy(() -> track.track(order)).hasMessage("killed");
    assertThat(bus.events()).isEmpty();
    assertThat(customers.marked(ada.id())).isTrue();
    assertThat(track.track(order)).isEqualTo(Tracked.ALREADY_COUNTED);

    assertThat(behaviour().orderCount()).isEqualTo(1);
    assertThat(behaviour().orderTotalAmount()).isEqualTo(10000);
    assertThat(behaviour().events().get("customer.order.paid").count()).isEqualTo(1);
    assertThat(customers.saves()).isEqualTo(2);
    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED);
    assertThat(customers.marked(ada.id())).isFalse();
  }

  @Test
  void anEventNoSegmentRuleTellsApartIsCountedInOneUnmarkedWriteAndNotFollowed() {
    track.track(custom("evt_1", "signed_up", T0));
    int saves = customers.saves();

    Tracked tracked = track.track(custom("evt_2", "viewed_product", T0.plusSeconds(1)));

    assertThat(tracked).isEqualTo(Tracked.COUNTED);
    assertThat(customers.saves()).isEqualTo(saves + 1);
    assertThat(behaviour().events()).containsKeys("signed_up", "viewed_product");
    assertThat(customers.marked(ada.id())).as("nothing for the segments to follow").isFalse();
    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED);
  }

  @Test
  void anUnmarkedWriteKeepsTheMarkOfAnEarlierChangeNotFollowedYet() {
    track.track(custom("evt_1", "signed_up", T0));
    Customer read = customers.get(ada.id()).orElseThrow();
    customers.save(read.withUpdatedAt(clock.instant()));   // an upsert, announced but not followed yet

    track.track(custom("evt_2", "viewed_product", T0.plusSeconds(1)));

    assertThat(customers.marked(ada.id())).as("the upsert's own mark, for its announcement or the sweep").isTrue();
    assertThat(new FollowCustomer(customers, new EvaluateSegments(segments,
        new SettleMembership(memberships, bus, clock), customers, clock)).follow(ada.id()))
        .isEqualTo(FollowCustomer.Followed.EVALUATED);
    assertThat(customers.marked(ada.id())).isFalse();
  }

  @Test
  void anEventThatChangesNoAggregateWritesNothing() {
    Map<String, EventStats> full = new java.util.HashMap<>();
    for (int i = 0; i < Behaviour.MAX_EVENT_NAMES; i++) full.put("name_" + i, new EventStats(1, T0));
    Customer stored = customers.get(ada.id()).orElseThrow();
    customers.put(stored.withBehaviour(new Behaviour(full, 0, 0, null)));
    int saves = customers.saves();

    Tracked tracked = track.track(custom("evt_1", "one_name_too_many", T0));

    assertThat(tracked).isEqualTo(Tracked.UNCHANGED);
    assertThat(customers.saves()).isEqualTo(saves);
    assertThat(behaviour().events()).hasSize(Behaviour.MAX_EVENT_NAMES).doesNotContainKey("one_name_too_many");
  }

  @Test
  void remembersTheLastHundredEventIds() {
    for (int i = 0; i < Behaviour.WINDOW + 1; i++) track.track(custom("evt_" + i, "viewed_product", T0));

    assertThat(behaviour().countedEventIds()).hasSize(Behaviour.WINDOW).startsWith("evt_1").endsWith("evt_100");
    assertThat(track.track(custom("evt_1", "viewed_product", T0))).isEqualTo(Tracked.ALREADY_COUNTED);
    assertThat(behaviour().events().get("viewed_product").count()).isEqualTo(Behaviour.WINDOW + 1);
  }

  @Test
  void trackingKeepsTheProfileAndItsUpdatedAt() {
    track.track(custom("evt_1", "signed_up", T0));

    Customer after = customers.get(ada.id()).orElseThrow();
    assertThat(after.withBehaviour(Behaviour.NONE).withVersion(1)).isEqualTo(ada);
  }

  @Test
  void anEventThatLosesARaceReadsAgainAndCountsOnTopOfTheOther() {
    customers.beforeNextSave(() -> track.track(custom("evt_1", "viewed_product", T0)));

    track.track(custom("evt_2", "viewed_product", T0.plusSeconds(1)));

    assertThat(behaviour().events().get("viewed_product")).isEqualTo(new EventStats(2, T0.plusSeconds(1)));
  }

  @Test
  void anEventForAnUnknownCustomerWithTheirSourceIdCreatesThem() {
    String id = Customer.idFor("src-bob");

    Tracked tracked = track.track(new TriggerEvent("evt_1", "customer.custom_event", T0,
        new TriggerEvent.CustomerRef(id, "src-bob"), Map.of("event", "signed_up")));

    assertThat(tracked).isEqualTo(Tracked.COUNTED);
    Customer bob = customers.get(id).orElseThrow();
    assertThat(bob.sourceId()).isEqualTo("src-bob");
    assertThat(bob.createdAt()).isEqualTo(clock.instant());
    assertThat(bob.behaviour().events()).containsOnly(Map.entry("signed_up", new EventStats(1, T0)));
    assertThat(bus.events()).extracting(e -> e.type() + " " + e.customer().id())
        .containsExactly(SegmentEvents.ENTERED + " " + id);
    assertThat(customers.marked(id)).isFalse();
  }

  @Test
  void anEventForAnUnknownCustomerWhoseIdIsNotTheirSourceIdsIsSkipped() {
    Tracked withoutSourceId = track.track(new TriggerEvent("evt_1", "customer.custom_event", T0,
        new TriggerEvent.CustomerRef("cust_elsewhere", null), Map.of("event", "signed_up")));
    Tracked mismatched = track.track(new TriggerEvent("evt_2", "customer.custom_event", T0,
        new TriggerEvent.CustomerRef("cust_elsewhere", "src-bob"), Map.of("event", "signed_up")));

    assertThat(withoutSourceId).isEqualTo(Tracked.CUSTOMER_UNKNOWN);
    assertThat(mismatched).isEqualTo(Tracked.CUSTOMER_UNKNOWN);
    assertThat(customers.size()).isEqualTo(1);
    assertThat(bus.events()).isEmpty();
  }
}
