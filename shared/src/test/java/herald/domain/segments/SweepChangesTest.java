package herald.domain.segments;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.TestClock;
import herald.domain.intake.UpsertCustomer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customers whose change was saved and never announced (or never followed) are followed by the sweep. */
class SweepChangesTest {
  private static final SegmentRule GOLD = (customer, now) -> {
    if ("broken".equals(customer.sourceId())) throw new IllegalStateException("cannot evaluate");
    return "gold".equals(customer.metadata().get("plan"));
  };
  private final TestClock clock = new TestClock();
  private final InMemoryCustomers customers = new InMemoryCustomers(clock);
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final FollowCustomer follow = new FollowCustomer(customers,
      new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock), customers, clock));
  private final SweepChanges sweep = new SweepChanges(customers, follow, clock);
  private final UpsertCustomer upsert = new UpsertCustomer(customers, CustomerChanges.NONE, clock);
  private static final Duration PAST_GRACE = SweepChanges.GRACE.plusSeconds(1);
  private final Segment gold = new Segment("seg_gold", "Gold", SegmentType.AUTO_UPDATE, GOLD, 4, 1, T0, T0, null);

  SweepChangesTest() {
    segments.create(gold);
  }

  private String saved(String sourceId, String plan) {
    return upsert.save(new CustomerProfile(sourceId, null, null, null, Map.of("plan", plan))).customer().id();
  }

  @Test
  void followsTheCustomersStillMarkedAfterTheGracePeriodAndOnlyThose() {
    String ada = saved("ada", "gold");
    String bob = saved("bob", "silver");
    clock.advance(PAST_GRACE);
    String cid = saved("cid", "gold");   // saved just now: its announcement may be on its way

    SweepChanges.Swept swept = sweep.sweep(() -> true);

    assertThat(swept.followed()).isEqualTo(2);
    assertThat(swept.failed()).isEmpty();
    assertThat(bus.events()).extracting(e -> e.customer().id()).containsExactly(ada);
    assertThat(customers.marked(ada)).isFalse();
    assertThat(customers.marked(bob)).isFalse();
    assertThat(customers.marked(cid)).isTrue();

    clock.advance(PAST_GRACE);
    assertThat(sweep.sweep(() -> true).followed()).isEqualTo(1);
    assertThat(sweep.sweep(() -> true).followed()).isZero();
    assertThat(bus.events()).extracting(e -> e.customer().id()).containsExactly(ada, cid);
  }

  @Test
  void aTombstoneLeftMarkedIsLetGoOf() {
    String ada = saved("ada", "gold");
    clock.advance(PAST_GRACE);
    sweep.sweep(() -> true);
    customers.erase(ada);
    clock.advance(PAST_GRACE);

    sweep.sweep(() -> true);

    assertThat(bus.events()).extracting(e -> e.type()).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThat(customers.stored(ada)).isEmpty();
  }

  @Test
  void aCustomerThatCannotBeFollowedStaysMarkedAndTheOthersGoOn() {
    String broken = saved("broken", "gold");
    String ada = saved("ada", "gold");
    clock.advance(PAST_GRACE);

    SweepChanges.Swept swept = sweep.sweep(() -> true);

    assertThat(swept.followed()).isEqualTo(1);
    assertThat(swept.failed()).containsExactly(broken);
    assertThat(customers.marked(broken)).isTrue();
    assertThat(customers.marked(ada)).isFalse();
  }

  @Test
  void whenTimeRunsShortEachShardSweepsOnePageAndTheNextRunTheRest() {
    List<String> shardZero = new ArrayList<>();
    for (int i = 0; shardZero.size() < SweepChanges.PAGE + 20; i++) {
      if (ChangedCustomers.shardOf(Customer.idFor("c" + i)) == 0) shardZero.add(saved("c" + i, "silver"));
    }
    clock.advance(PAST_GRACE);

    assertThat(sweep.sweep(() -> false).followed()).isEqualTo(SweepChanges.PAGE);
    assertThat(sweep.sweep(() -> false).followed()).isEqualTo(20);
    assertThat(shardZero).allSatisfy(id -> assertThat(customers.marked(id)).isFalse());
  }

  @Test
  void theOldestMarksAreFollowedFirst() {
    List<String> order = new ArrayList<>();
    bus.onPut(e -> order.add(e.customer().sourceId()));
    List<String> sameShard = new ArrayList<>();
    for (int i = 0; sameShard.size() < 3; i++) {
      if (ChangedCustomers.shardOf(Customer.idFor("o" + i)) == 3) sameShard.add("o" + i);
    }
    for (String sourceId : sameShard.reversed()) {
      saved(sourceId, "gold");
      clock.advance(Duration.ofSeconds(1));
    }
    clock.advance(PAST_GRACE);

    sweep.sweep(() -> true);

    assertThat(order).isEqualTo(sameShard.reversed());
  }
}
