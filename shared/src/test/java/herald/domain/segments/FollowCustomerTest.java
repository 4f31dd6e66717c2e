package herald.domain.segments;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Conflict;
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
import herald.domain.segments.FollowCustomer.Followed;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A changed customer's segments follow their latest stored profile, and the mark goes only with that version. */
class FollowCustomerTest {
  private static final SegmentRule GOLD = (customer, now) -> "gold".equals(customer.metadata().get("plan"));
  private final TestClock clock = new TestClock();
  private final InMemoryCustomers customers = new InMemoryCustomers(clock);
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final SettleMembership settle = new SettleMembership(memberships, bus, clock);
  private final FollowCustomer follow = new FollowCustomer(customers,
      new EvaluateSegments(segments, settle, customers, clock));
  private final UpsertCustomer upsert = new UpsertCustomer(customers, CustomerChanges.NONE, clock);
  private final Segment gold = new Segment("seg_gold", "Gold", SegmentType.AUTO_UPDATE, GOLD, 4, 1, T0, T0, null);
  private final Segment vip = new Segment("seg_vip", "VIP", SegmentType.STATIC, null, 4, 1, T0, T0, null);
  private final String ada = Customer.idFor("ada");

  FollowCustomerTest() {
    segments.create(gold);
    segments.create(vip);
  }

  private Customer plan(String plan) {
    return upsert.upsert(new CustomerProfile("ada", null, null, null, Map.of("plan", plan)));
  }

  @Test
  void aChangedCustomerEntersWithOneEventAndTheirMarkIsCleared() {
    plan("gold");
    assertThat(customers.marked(ada)).isTrue();

    assertThat(follow.follow(ada)).isEqualTo(Followed.EVALUATED);

    assertThat(bus.events()).containsExactly(SegmentEvents.transition(gold, ada, "ada", 1, true, T0));
    assertThat(customers.marked(ada)).isFalse();
  }

  @Test
  void anAnnouncementArrivingLateEvaluatesTheLatestProfileNotTheOneItAnnounced() {
    plan("gold");                 // its announcement is late...
    plan("silver");               // ...and this one's too

    follow.follow(ada);           // the first announcement: what is stored now is silver
    follow.follow(ada);           // the second, and a duplicate of it
    follow.follow(ada);

    assertThat(bus.events()).isEmpty();
    assertThat(memberships.standing(gold, ada)).isEqualTo(Membership.NEVER);
    assertThat(customers.marked(ada)).isFalse();
  }

  @Test
  void aSaveDuringTheEvaluationKeepsItsOwnMarkUntilItIsEvaluatedInTurn() {
    plan("gold");
    customers.beforeNextSettle(() -> plan("silver"));

    follow.follow(ada);

    assertThat(memberships.standing(gold, ada).member()).as("decided on gold").isTrue();
    assertThat(customers.marked(ada)).as("silver was saved after the evaluation read gold").isTrue();

    follow.follow(ada);

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThat(customers.marked(ada)).isFalse();
  }

  @Test
  void anErasedCustomerLeavesEverySegmentStaticOnesIncludedAndTheirTombstoneIsForgotten() {
    plan("gold");
    follow.follow(ada);
    settle.set(vip, ada, "ada", true);
    customers.erase(ada);

    assertThat(follow.follow(ada)).isEqualTo(Followed.ERASED);

    assertThat(bus.events()).extracting(e -> e.type() + " " + ((Map<?, ?>) e.data().get("segment")).get("id")
        + " " + e.customer().sourceId()).containsExactly(SegmentEvents.ENTERED + " seg_gold ada",
        SegmentEvents.ENTERED + " seg_vip ada", SegmentEvents.LEFT + " seg_gold ada",
        SegmentEvents.LEFT + " seg_vip ada");
    assertThat(customers.stored(ada)).isEmpty();
    assertThat(follow.follow(ada)).as("announced twice").isEqualTo(Followed.NOT_STORED);
    assertThat(bus.events()).hasSize(4);
  }

  @Test
  void anErasedCustomersSourceIdMakesANewCustomerOnlyOnceTheirSegmentsHaveLetGoOfThem() {
    plan("gold");
    follow.follow(ada);
    settle.set(vip, ada, "ada", true);
    customers.erase(ada);

    assertThatThrownBy(() -> customers.save(new Customer(ada, "ada", null, null, null, Map.of(), T0, T0)))
        .isInstanceOf(Conflict.class);
    follow.follow(ada);
    Customer again = plan("gold");

    assertThat(again.version()).isEqualTo(1);
    follow.follow(ada);
    assertThat(memberships.standing(vip, ada).member()).as("the erase took them out; nobody put them back").isFalse();
    assertThat(memberships.standing(gold, ada)).extracting(Membership::member, Membership::seq)
        .containsExactly(true, 3L);
    assertThat(customers.marked(ada)).isFalse();
  }

  @Test
  void anEvaluationOfAProfileErasedMeanwhileTakesTheCustomerOutAgain() {
    Customer read = plan("gold");
    customers.erase(ada);
    follow.follow(ada);   // the erase is followed before the evaluation of the profile read earlier ends

    follow.saved(read);

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThat(memberships.standing(gold, ada).member()).isFalse();
  }

  @Test
  void aCustomerNeverStoredIsNothingToFollow() {
    assertThat(follow.follow("cust_nobody")).isEqualTo(Followed.NOT_STORED);
    assertThat(bus.events()).isEmpty();
  }
}
