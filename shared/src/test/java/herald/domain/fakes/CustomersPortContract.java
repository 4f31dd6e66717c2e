package herald.domain.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Conflict;
import herald.domain.customers.Behaviour;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What every {@link Customers} must do, checked on the fake and on the DynamoDB adapter alike. */
public final class CustomersPortContract {
  private CustomersPortContract() {}

  /** Customers read together are the ones {@code get} finds one by one; the missing are left out, repeats once. */
  public static void customersReadTogetherAreTheOnesReadOneByOne(Customers customers) {
    Customer ada = customers.save(Samples.customer("src-ada", "Ada", "ada@mail.example"));
    Customer bob = customers.save(Samples.customer("src-bob", "Bob", "bob@mail.example"));

    var found = customers.getAll(List.of(ada.id(), "cust_missing", bob.id(), ada.id()));

    assertThat(found).containsOnlyKeys(ada.id(), bob.id());
    assertThat(found.get(ada.id())).isEqualTo(customers.get(ada.id()).orElseThrow());
    assertThat(found.get(bob.id())).isEqualTo(customers.get(bob.id()).orElseThrow());
    assertThat(customers.getAll(List.of())).isEmpty();
  }

  /**
   * A behaviour saved unmarked bumps the version and keeps whatever mark the item has; marked, it marks; a mark
   * evaluated at a version is cleared when only unmarked saves came after it, kept when a marked one did.
   */
  public static void behaviourSavesMarkOnlyWhenAsked(Customers customers, ChangedCustomers changed) {
    Customer ada = customers.save(Samples.customer("src-ada", "Ada", "ada@mail.example"));
    changed.settled(ada.id(), ada.version());
    Behaviour once = new Behaviour(Map.of("signed_up", new Behaviour.EventStats(1, Samples.T0)), 0, 0, null,
        List.of("evt_1"));

    Customer counted = customers.saveBehaviour(ada.withBehaviour(once), false);

    assertThat(counted.version()).isEqualTo(ada.version() + 1);
    assertThat(customers.get(ada.id())).contains(counted);
    assertThat(marked(changed, ada.id())).isFalse();
    assertThatThrownBy(() -> customers.saveBehaviour(ada.withBehaviour(Behaviour.NONE), false))
        .isInstanceOf(Conflict.class);

    Customer marked = customers.saveBehaviour(counted.withBehaviour(once.withEvent("evt_2", "x", Samples.T0)), true);
    Customer unmarked = customers.saveBehaviour(marked.withBehaviour(marked.behaviour()
        .withEvent("evt_3", "x", Samples.T0)), false);
    assertThat(marked(changed, ada.id())).as("the marked save's mark, kept by the unmarked one").isTrue();
    changed.settled(ada.id(), marked.version());
    assertThat(marked(changed, ada.id())).as("evaluated at the marked version: only an unmarked save since").isFalse();

    Customer resaved = customers.save(unmarked.withUpdatedAt(Samples.T0.plusSeconds(1)));
    customers.saveBehaviour(resaved.withBehaviour(Behaviour.NONE), false);
    changed.settled(ada.id(), unmarked.version());
    assertThat(marked(changed, ada.id())).as("a marked save after the version evaluated keeps its mark").isTrue();
  }

  private static boolean marked(ChangedCustomers changed, String id) {
    return changed.markedBefore(ChangedCustomers.shardOf(id), Instant.now().plusSeconds(3600), null, 100).items()
        .contains(id);
  }
}
