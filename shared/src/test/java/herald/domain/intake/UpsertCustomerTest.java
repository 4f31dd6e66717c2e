package herald.domain.intake;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.customers.Clashes;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.RecordingCustomerChanges;
import herald.domain.fakes.TestClock;
import herald.domain.intake.UpsertCustomer.Outcome;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpsertCustomerTest {
  private final TestClock clock = new TestClock();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final RecordingCustomerChanges changes = new RecordingCustomerChanges();
  private final UpsertCustomer upsert = new UpsertCustomer(customers, changes, clock);

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

  @Test
  void setsAndKeepsATimezone() {
    upsert.upsert(new CustomerProfile("src-ada", null, null, null, "Europe/Warsaw", null, null));

    upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null));
    assertThat(stored().timezone()).isEqualTo("Europe/Warsaw");

    upsert.upsert(new CustomerProfile("src-ada", null, null, null, "America/New_York", null, null));
    assertThat(stored().timezone()).isEqualTo("America/New_York");
  }

  @Test
  void saysWhetherItCreatedUpdatedOrLeftTheCustomerUnchanged() {
    CustomerProfile ada = new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, "Europe/Warsaw",
        Map.of("tier", "gold"), Map.of("email", true));

    assertThat(upsert.apply(ada).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(upsert.apply(ada).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(upsert.apply(new CustomerProfile("src-ada", null, null, null, Map.of("tier", "silver"))).outcome())
        .isEqualTo(Outcome.UPDATED);
  }

  @Test
  void aProfileThatChangesNothingWritesNothingKeepsUpdatedAtAndAnnouncesNothing() {
    Customer created = upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, Map.of("tier", "gold")));
    clock.advance(Duration.ofHours(3));

    UpsertCustomer.Upsert again = upsert.apply(new CustomerProfile("src-ada", "Ada", null, null,
        Map.of("tier", "gold"), Map.of()));

    assertThat(again.customer()).isEqualTo(created);
    assertThat(stored().updatedAt()).isEqualTo(T0);
    assertThat(stored().version()).isEqualTo(1);
    assertThat(customers.saves()).isEqualTo(1);
    assertThat(changes.announced()).as("announced once, when saved").containsExactly(created.id());
  }

  @Test
  void aChangedProfileIsSavedOneVersionUpMarkedAndThenAnnounced() {
    Customer created = upsert.upsert(CustomerProfile.of("src-ada"));

    Customer changed = upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null));

    assertThat(created.version()).isEqualTo(1);
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed).isEqualTo(stored());
    assertThat(customers.marked(changed.id())).isTrue();
    assertThat(changes.announced()).containsExactly(created.id(), changed.id());
  }

  @Test
  void savingAlonePutsTheMarkAndAnnouncesNothing() {
    UpsertCustomer.Upsert saved = upsert.save(new CustomerProfile("src-ada", "Ada", null, null, null));

    assertThat(saved.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(stored()).isEqualTo(saved.customer());
    assertThat(customers.marked(saved.customer().id())).isTrue();
    assertThat(changes.announced()).isEmpty();
  }

  @Test
  void whenTheAnnouncementFailsTheCustomerIsSavedAndStaysMarkedForTheSweep() {
    changes.failNext(new IllegalStateException("queue down"));

    assertThatThrownBy(() -> upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null)))
        .hasMessage("queue down");

    assertThat(stored().name()).isEqualTo("Ada");
    assertThat(customers.marked(stored().id())).isTrue();
  }

  @Test
  void anUpsertThatLosesARaceReadsAgainAndKeepsTheOtherWritersFields() {
    upsert.upsert(new CustomerProfile("src-ada", null, null, null, Map.of("tier", "gold")));
    customers.beforeNextSave(() -> upsert.upsert(new CustomerProfile("src-ada", null, null, null,
        Map.of("city", "London"))));

    upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, Map.of("lang", "en")));

    assertThat(stored().metadata()).containsOnlyKeys("tier", "city", "lang");
    assertThat(stored().name()).isEqualTo("Ada");
    assertThat(stored().version()).isEqualTo(3);
  }

  @Test
  void twoNewCustomersRacingForOneSourceIdMerge() {
    customers.beforeNextSave(() -> upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null)));

    UpsertCustomer.Upsert second = upsert.apply(new CustomerProfile("src-ada", null, "ada@mail.example", null, null));

    assertThat(second.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(stored().name()).isEqualTo("Ada");
    assertThat(stored().email()).isEqualTo("ada@mail.example");
  }

  @Test
  void givesUpWithAConflictWhenEveryTryLosesTheRace() {
    upsert.upsert(CustomerProfile.of("src-ada"));
    loseEveryRace(Clashes.TRIES);

    assertThatThrownBy(() -> upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null)))
        .isInstanceOf(Conflict.class);
    assertThat(stored().name()).isNotEqualTo("Ada");
  }

  /** Before each of the next {@code times} saves another writer changes the customer. */
  private void loseEveryRace(int times) {
    if (times == 0) return;
    customers.beforeNextSave(() -> {
      Customer now = stored();
      customers.save(now.withUpdatedAt(now.updatedAt().plusSeconds(1)));
      loseEveryRace(times - 1);
    });
  }
}
