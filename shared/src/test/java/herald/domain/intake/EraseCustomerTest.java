package herald.domain.intake;

import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EraseCustomerTest {
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final List<Optional<Customer>> storedWhenErased = new ArrayList<>();
  private final List<Customer> erased = new ArrayList<>();
  private final CustomerChanges changes = new CustomerChanges() {
    @Override public void changed(Customer customer) {}

    @Override public void erased(Customer customer) {
      erased.add(customer);
      storedWhenErased.add(customers.get(customer.id()));
    }
  };
  private final EraseCustomer erase = new EraseCustomer(customers, changes);
  private final Customer ada = new UpsertCustomer(customers, CustomerChanges.NONE, new TestClock())
      .upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, Map.of("city", "London")));

  @Test
  void theCustomerLeavesTheirSegmentsFirstAndIsThenErased() {
    assertThat(erase.erase(ada.id())).isTrue();

    assertThat(erased).containsExactly(ada);
    assertThat(storedWhenErased).containsExactly(Optional.of(ada));
    assertThat(customers.get(ada.id())).isEmpty();
  }

  @Test
  void anUnknownCustomerIsNotErasedAndNothingIsAnnounced() {
    assertThat(erase.erase("cust_missing")).isFalse();

    assertThat(erased).isEmpty();
    assertThat(customers.size()).isEqualTo(1);
  }

  @Test
  void whenLeavingTheSegmentsFailsTheProfileStaysSoARetryCanFinish() {
    EraseCustomer failing = new EraseCustomer(customers, new CustomerChanges() {
      @Override public void changed(Customer customer) {}

      @Override public void erased(Customer customer) {
        throw new IllegalStateException("segments store down");
      }
    });

    assertThatThrownBy(() -> failing.erase(ada.id()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(customers.get(ada.id())).contains(ada);
    assertThat(erase.erase(ada.id())).isTrue();
    assertThat(customers.get(ada.id())).isEmpty();
  }
}
