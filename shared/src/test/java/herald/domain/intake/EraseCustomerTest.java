package herald.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.customers.StoredCustomer;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.RecordingCustomerChanges;
import herald.domain.fakes.TestClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EraseCustomerTest {
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final RecordingCustomerChanges changes = new RecordingCustomerChanges();
  private final EraseCustomer erase = new EraseCustomer(customers, changes);
  private final Customer ada = new UpsertCustomer(customers, CustomerChanges.NONE, new TestClock())
      .upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, Map.of("city", "London")));

  @Test
  void thePersonalDataGoesAtOnceATombstoneStaysMarkedAndTheChangeIsAnnounced() {
    assertThat(erase.erase(ada.id())).isTrue();

    assertThat(customers.get(ada.id())).isEmpty();
    assertThat(customers.stored(ada.id())).contains(StoredCustomer.erased(ada.id(), "src-ada", 2));
    assertThat(customers.marked(ada.id())).isTrue();
    assertThat(changes.announced()).containsExactly(ada.id());
  }

  @Test
  void anUnknownOrErasedCustomerIsNotErasedAndNothingIsAnnounced() {
    assertThat(erase.erase("cust_missing")).isFalse();
    erase.erase(ada.id());

    assertThat(erase.erase(ada.id())).isFalse();

    assertThat(changes.announced()).containsExactly(ada.id());
    assertThat(customers.items()).isEqualTo(1);
  }

  @Test
  void whenTheAnnouncementFailsThePersonalDataIsGoneAndTheMarkBringsTheTombstoneToTheSweep() {
    changes.failNext(new IllegalStateException("queue down"));

    assertThatThrownBy(() -> erase.erase(ada.id())).hasMessage("queue down");

    assertThat(customers.get(ada.id())).isEmpty();
    assertThat(customers.stored(ada.id()).orElseThrow().erased()).isTrue();
    assertThat(customers.marked(ada.id())).isTrue();
  }
}
