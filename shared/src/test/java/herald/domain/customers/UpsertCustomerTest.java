package herald.domain.customers;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.Invalid;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpsertCustomerTest {
  private final TestClock clock = new TestClock();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final UpsertCustomer upsert = new UpsertCustomer(customers, clock);

  private Customer stored() {
    return customers.get(Customer.idFor("src-ada")).orElseThrow();
  }

  @Test
  void createsACustomerWithAnIdDerivedFromItsSourceId() {
    Customer created = upsert.upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", "+447700900001",
        Map.of("tier", "gold")));

    assertThat(created.id()).isEqualTo(Customer.idFor("src-ada"));
    assertThat(created.sourceId()).isEqualTo("src-ada");
    assertThat(created.name()).isEqualTo("Ada");
    assertThat(created.email()).isEqualTo("ada@mail.example");
    assertThat(created.phone()).isEqualTo("+447700900001");
    assertThat(created.metadata()).containsExactlyEntriesOf(Map.of("tier", "gold"));
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(stored()).isEqualTo(created);
  }

  @Test
  void changesOnlyTheFieldsGiven() {
    upsert.upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", "+447700900001", null));

    Customer merged = upsert.upsert(new CustomerProfile("src-ada", "Ada Lovelace", null, null, null));

    assertThat(merged.name()).isEqualTo("Ada Lovelace");
    assertThat(merged.email()).isEqualTo("ada@mail.example");
    assertThat(merged.phone()).isEqualTo("+447700900001");
    assertThat(stored()).isEqualTo(merged);
    assertThat(customers.size()).isEqualTo(1);
  }

  @Test
  void mergesOnlyTheMetadataKeysGiven() {
    upsert.upsert(new CustomerProfile("src-ada", null, null, null, Map.of("tier", "gold", "city", "London")));

    upsert.upsert(new CustomerProfile("src-ada", null, null, null, Map.of("tier", "platinum", "lang", "en")));

    assertThat(stored().metadata()).containsExactlyInAnyOrderEntriesOf(
        Map.of("tier", "platinum", "city", "London", "lang", "en"));
  }

  @Test
  void noMetadataGivenKeepsTheMetadata() {
    upsert.upsert(new CustomerProfile("src-ada", null, null, null, Map.of("tier", "gold")));

    upsert.upsert(CustomerProfile.of("src-ada"));

    assertThat(stored().metadata()).containsExactlyEntriesOf(Map.of("tier", "gold"));
  }

  @Test
  void keepsCreatedAtAndMovesUpdatedAt() {
    upsert.upsert(CustomerProfile.of("src-ada"));
    clock.advance(Duration.ofDays(2));

    Customer merged = upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null));

    assertThat(merged.createdAt()).isEqualTo(T0);
    assertThat(merged.updatedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
  }

  @Test
  void anInvalidEmailChangesNothing() {
    upsert.upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, null));
    Customer before = stored();

    assertThatThrownBy(() -> upsert.upsert(new CustomerProfile("src-ada", "Eve", "eve", null, null)))
        .isInstanceOf(Invalid.class);

    assertThat(stored()).isEqualTo(before);
    assertThat(customers.saves()).isEqualTo(1);
  }

  @Test
  void aDifferentSourceIdIsADifferentCustomer() {
    upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null));
    upsert.upsert(new CustomerProfile("src-bob", "Bob", null, null, null));

    assertThat(customers.size()).isEqualTo(2);
    assertThat(stored().name()).isEqualTo("Ada");
  }
}
