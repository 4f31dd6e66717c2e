package herald.domain.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import java.util.List;

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
}
