package herald.domain.segments;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.TestClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EvaluateSegmentsTest {
  static final SegmentRule GOLD = (customer, now) -> "gold".equals(customer.metadata().get("plan"));
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final TestClock clock = new TestClock();
  private final AtomicLong ticker = new AtomicLong();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final SettleMembership settle = new SettleMembership(memberships, bus, clock);
  private final EvaluateSegments evaluate = new EvaluateSegments(segments, settle, customers, clock, ticker::get);
  private final Segment gold = auto("seg_gold", GOLD);

  static Segment auto(String id, SegmentRule rule) {
    return new Segment(id, "Gold " + id, SegmentType.AUTO_UPDATE, rule, 4, 1, T0, T0, null);
  }

  static Segment staticSegment(String id) {
    return new Segment(id, "VIP " + id, SegmentType.STATIC, null, 4, 1, T0, T0, null);
  }

  /** A customer on this plan, stored as the latest profile (as every profile evaluated is). */
  private Customer customer(String sourceId, String plan) {
    Customer customer = new Customer(Customer.idFor(sourceId), sourceId, "Ada", null, null,
        plan == null ? Map.of() : Map.of("plan", plan), T0, T0);
    customers.put(customer);
    return customer;
  }

  @Test
  void aCustomerWhoStartsToMatchEntersWithOneEnteredEvent() {
    segments.create(gold);
    Customer ada = customer("ada", "gold");
    evaluate.changed(ada);

    assertThat(bus.events()).containsExactly(SegmentEvents.transition(gold, ada.id(), "ada", 1, true, clock.instant()));
    TriggerEvent entered = bus.events().getFirst();
    assertThat(entered.type()).isEqualTo(SegmentEvents.ENTERED);
    assertThat(entered.data()).isEqualTo(Map.of("segment", Map.of("id", "seg_gold", "name", "Gold seg_gold")));
    assertThat(memberships.standing(gold, ada.id())).isEqualTo(new Membership(true, 1, false, clock.instant()));
  }

  static Customer saved(String sourceId, String plan, long version) {
    return new Customer(Customer.idFor(sourceId), sourceId, "Ada", null, null, null,
        plan == null ? Map.of() : Map.of("plan", plan), Map.of(), null, T0, T0, version);
  }

  @Test
  void aMembershipDecidedOnAnOlderProfileFollowsTheNewerOneSavedMeanwhile() {
    segments.create(gold);
    customers.put(saved("ada", "silver", 2));   // saved after version 1, whose evaluation comes late

    long decidedOn = evaluate.changed(saved("ada", "gold", 1));

    assertThat(decidedOn).as("the version the membership follows now").isEqualTo(2);
    Customer ada = saved("ada", null, 0);
    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThat(memberships.standing(gold, ada.id()).member()).isFalse();
  }

  @Test
  void aMembershipDecidedOnTheLatestProfileIsNotDecidedAgain() {
    segments.create(gold);
    Customer ada = saved("ada", "gold", 3);
    customers.put(ada);

    assertThat(evaluate.changed(ada)).isEqualTo(3);

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED);
    assertThat(memberships.standing(gold, ada.id()).member()).isTrue();
  }

  @Test
  void aMembershipDecidedOnAProfileErasedMeanwhileIsUndone() {
    segments.create(gold);
    Customer ada = customer("ada", "gold");
    customers.erase(ada.id());   // erased after ada was read; the erase's own evaluation may already be done

    evaluate.changed(ada);

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThat(memberships.standing(gold, ada.id()).member()).isFalse();
  }

  @Test
  void anErasedCustomerLeavesEvenASegmentCreatedAMomentAgo() {
    evaluate.changed(customer("bob", "gold"));   // the segment list is read, and cached for a second
    Segment vip = staticSegment("seg_vip");
    segments.create(vip);
    Customer ada = customer("ada", null);
    settle.set(vip, ada.id(), "ada", true);

    evaluate.erased(ada.id(), "ada");

    assertThat(memberships.standing(vip, ada.id()).member()).isFalse();
  }

  @Test
  void reEvaluatingWithNoChangePutsNothing() {
    segments.create(gold);
    evaluate.changed(customer("ada", "gold"));
    evaluate.changed(customer("ada", "gold"));
    evaluate.changed(customer("bob", "silver"));
    evaluate.changed(customer("bob", null));

    assertThat(bus.events()).hasSize(1);
    assertThat(memberships.changes()).isEqualTo(1);
  }

  @Test
  void aCustomerWhoStopsMatchingLeavesWithALeftEventOfItsOwn() {
    segments.create(gold);
    evaluate.changed(customer("ada", "gold"));
    clock.advance(Duration.ofMinutes(1));
    evaluate.changed(customer("ada", "silver"));
    clock.advance(Duration.ofMinutes(1));
    evaluate.changed(customer("ada", "gold"));

    assertThat(bus.events()).extracting(TriggerEvent::type)
        .containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT, SegmentEvents.ENTERED);
    assertThat(bus.events()).extracting(TriggerEvent::id).doesNotHaveDuplicates();
    assertThat(bus.events().get(1).createdAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void profileChangesLeaveStaticSegmentsAlone() {
    Segment vip = staticSegment("seg_vip");
    segments.create(vip);
    Customer ada = customer("ada", "gold");
    settle.set(vip, ada.id(), "ada", true);
    evaluate.changed(customer("ada", "silver"));

    assertThat(memberships.standing(vip, ada.id()).member()).isTrue();
    assertThat(bus.events()).hasSize(1);
  }

  @Test
  void anErasedCustomerLeavesEverySegmentTheyAreInStaticOnesIncluded() {
    Segment vip = staticSegment("seg_vip");
    Segment other = staticSegment("seg_other");
    segments.create(gold);
    segments.create(vip);
    segments.create(other);
    Customer ada = customer("ada", "gold");
    evaluate.changed(ada);
    settle.set(vip, ada.id(), "ada", true);

    evaluate.erased(ada.id(), "ada");

    assertThat(bus.events()).extracting(e -> e.type() + " " + ((Map<?, ?>) e.data().get("segment")).get("id"))
        .containsExactly(SegmentEvents.ENTERED + " seg_gold", SegmentEvents.ENTERED + " seg_vip",
            SegmentEvents.LEFT + " seg_gold", SegmentEvents.LEFT + " seg_vip");
    assertThat(memberships.standing(other, ada.id())).isEqualTo(Membership.NEVER);
  }

  @Test
  void settingAStaticMembershipReportsOnlyRealTransitions() {
    Segment vip = staticSegment("seg_vip");
    Customer ada = customer("ada", null);

    assertThat(settle.set(vip, ada.id(), "ada", true)).contains(new Transition("seg_vip", ada.id(), true, 1));
    assertThat(settle.set(vip, ada.id(), "ada", true)).isEmpty();
    assertThat(settle.set(vip, ada.id(), "ada", false)).contains(new Transition("seg_vip", ada.id(), false, 2));
    assertThat(settle.set(vip, ada.id(), "ada", false)).isEmpty();
    assertThat(bus.events()).hasSize(2);
  }

  @Test
  void evaluatesOneSegmentForTheBackgroundReEvaluation() {
    Customer ada = customer("ada", "gold");
    assertThat(evaluate.evaluate(gold, ada)).contains(new Transition("seg_gold", ada.id(), true, 1));
    assertThat(evaluate.evaluate(gold, ada)).isEmpty();
    assertThatThrownBy(() -> evaluate.evaluate(staticSegment("seg_vip"), ada))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTransitionWrittenByAnEvaluationThatCrashedIsAnnouncedByTheNextWithTheSameEvent() {
    segments.create(gold);
    Customer ada = customer("ada", "gold");
    memberships.crashAfterNextChange(new IllegalStateException("killed"));
    assertThatThrownBy(() -> evaluate.changed(ada)).hasMessage("killed");
    assertThat(bus.events()).isEmpty();
    Membership written = memberships.standing(gold, ada.id());
    assertThat(written.pending()).isTrue();

    clock.advance(Duration.ofMinutes(5));
    evaluate.changed(ada);

    assertThat(bus.events()).containsExactly(SegmentEvents.transition(gold, ada.id(), "ada", 1, true, T0));
    assertThat(memberships.standing(gold, ada.id())).isEqualTo(new Membership(true, 1, false, T0));
    assertThat(memberships.changes()).isEqualTo(1);
  }

  @Test
  void anEventTheBusRefusedIsPutAgainWithItsIdAndTimeAndNoSecondTransition() {
    segments.create(gold);
    Customer ada = customer("ada", "gold");
    bus.failNext(new IllegalStateException("bus down"));
    assertThatThrownBy(() -> evaluate.changed(ada)).hasMessage("bus down");

    clock.advance(Duration.ofSeconds(30));
    evaluate.changed(ada);
    evaluate.changed(ada);

    assertThat(bus.events()).containsExactly(SegmentEvents.transition(gold, ada.id(), "ada", 1, true, T0));
    assertThat(memberships.changes()).isEqualTo(1);
  }

  @Test
  void aWriteLostToAConcurrentEvaluationDecidesAgainWithoutASecondEvent() {
    segments.create(gold);
    Customer ada = customer("ada", "gold");
    var other = new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock), customers, clock);
    memberships.beforeNextChange(() -> other.changed(ada));

    evaluate.changed(ada);

    assertThat(bus.events()).hasSize(1);
    assertThat(memberships.standing(gold, ada.id())).isEqualTo(new Membership(true, 1, false, T0));
  }

  @Test
  void aWriteLostToConcurrentTransitionsIsDecidedAgainFromTheNewStanding() {
    segments.create(gold);
    Customer ada = customer("ada", "gold");
    var other = new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock), customers, clock);
    memberships.beforeNextChange(() -> {
      other.changed(ada);
      other.erased(ada.id(), "ada");
    });

    assertThat(evaluate.evaluate(gold, ada)).contains(new Transition("seg_gold", ada.id(), true, 3));

    assertThat(bus.events()).extracting(TriggerEvent::type)
        .containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT, SegmentEvents.ENTERED);
    assertThat(bus.events()).extracting(TriggerEvent::id).doesNotHaveDuplicates();
  }

  @Test
  void givesUpWhenTheStandingKeepsChangingUnderIt() {
    Customer ada = customer("ada", "gold");
    var other = new SettleMembership(memberships, bus, clock);
    Runnable[] flip = new Runnable[1];
    flip[0] = () -> {
      other.set(gold, ada.id(), "ada", true);
      other.set(gold, ada.id(), "ada", false);
      memberships.beforeNextChange(flip[0]);
    };
    memberships.beforeNextChange(flip[0]);

    assertThatThrownBy(() -> evaluate.evaluate(gold, ada)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSegmentListIsReadAtMostOnceASecond() {
    segments.create(gold);
    evaluate.changed(customer("ada", "gold"));
    evaluate.changed(customer("bob", "gold"));
    segments.create(auto("seg_new", GOLD));
    evaluate.changed(customer("cid", "gold"));
    assertThat(segments.reads()).isEqualTo(1);
    assertThat(bus.events()).hasSize(3);

    ticker.addAndGet(Duration.ofSeconds(1).toNanos());
    evaluate.changed(customer("dan", "gold"));
    assertThat(segments.reads()).isEqualTo(2);
    assertThat(bus.events()).hasSize(5);
  }
}
