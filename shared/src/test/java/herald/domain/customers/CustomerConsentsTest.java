package herald.domain.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Invalid;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.RecordingCustomerChanges;
import herald.domain.fakes.TestClock;
import herald.domain.intake.UpsertCustomer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerConsentsTest {
  private final TestClock clock = new TestClock();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final RecordingCustomerChanges changes = new RecordingCustomerChanges();
  private final UpsertCustomer upsert = new UpsertCustomer(customers, changes, clock);

  @Test
  void aChannelWithoutAnAnswerIsAllowedAndARevokedOneIsNot() {
    Customer ada = upsert.upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, null,
        Map.of("email", false)));

    assertThat(ada.allows("email")).isFalse();
    assertThat(ada.allows("sms")).isTrue();
    assertThat(ada.allows("webhook")).isTrue();
    assertThat(ada.consents()).containsExactly(Map.entry("email", new Consent(false, clock.instant())));
  }

  @Test
  void anUpsertChangesOnlyTheConsentsGivenAndKeepsTheTimeOfAnUnchangedAnswer() {
    Instant first = clock.instant();
    upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null, Map.of("email", true, "sms", true)));
    clock.advance(Duration.ofHours(1));

    upsert.upsert(new CustomerProfile("src-ada", null, null, null, null, Map.of("email", true, "sms", false)));
    clock.advance(Duration.ofHours(1));
    Customer ada = upsert.upsert(new CustomerProfile("src-ada", "Ada L", null, null, null));

    assertThat(ada.consents()).containsOnly(
        Map.entry("email", new Consent(true, first)),
        Map.entry("sms", new Consent(false, first.plus(Duration.ofHours(1)))));
    assertThat(ada.name()).isEqualTo("Ada L");
  }

  @Test
  void consentRevokesOneChannelOfAKnownCustomerOnce() {
    Customer ada = upsert.upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, null));
    clock.advance(Duration.ofMinutes(5));
    Instant revokedAt = clock.instant();

    assertThat(upsert.consent(ada.id(), "email", false)).get()
        .satisfies(c -> assertThat(c.allows("email")).isFalse());
    int saves = customers.saves();
    clock.advance(Duration.ofMinutes(5));
    Customer again = upsert.consent(ada.id(), "email", false).orElseThrow();

    assertThat(customers.saves()).isEqualTo(saves);
    assertThat(again.consents().get("email")).isEqualTo(new Consent(false, revokedAt));
    assertThat(again.email()).isEqualTo("ada@mail.example");
    assertThat(upsert.consent("cust_missing", "email", false)).isEmpty();
  }

  @Test
  void onlyEmailAndSmsTakeConsents() {
    assertThatThrownBy(() -> new CustomerProfile("src-ada", null, null, null, null, Map.of("webhook", false)))
        .isInstanceOfSatisfying(Invalid.class, e -> {
          assertThat(e.code()).isEqualTo("unknown_field");
          assertThat(e.field()).isEqualTo("consents.webhook");
        });
    assertThatThrownBy(() -> upsert.consent("cust_1", "push", false)).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> new Customer("cust_1", "src-1", null, null, null, null, null, null,
        Map.of("fax", new Consent(true, null)))).isInstanceOf(Invalid.class);
  }

  @Test
  void theOldConstructorMeansNoConsentAnswers() {
    Customer c = new Customer("cust_1", "src-1", null, null, null, null, null, null);
    assertThat(c.consents()).isEmpty();
    assertThat(c.allows("email")).isTrue();
  }

  @Test
  void aConsentThatChangesTheCustomerIsAnnouncedAsAChangeAndOneThatDoesNotIsNot() {
    Customer ada = upsert.upsert(new CustomerProfile("src-ada", "Ada", "ada@mail.example", null, null));

    upsert.consent(ada.id(), "email", false);
    upsert.consent(ada.id(), "email", false);
    upsert.consent("cust_missing", "email", false);

    assertThat(changes.announced()).containsExactly(ada.id(), ada.id());
    assertThat(customers.get(ada.id()).orElseThrow().version()).isEqualTo(2);
    assertThat(customers.get(ada.id()).orElseThrow().allows("email")).isFalse();
    assertThat(customers.marked(ada.id())).isTrue();
  }

  @Test
  void aConsentThatLosesARaceReadsAgainAndKeepsTheOtherChange() {
    Customer ada = upsert.upsert(new CustomerProfile("src-ada", "Ada", null, null, null));
    customers.beforeNextSave(() -> upsert.consent(ada.id(), "sms", false));

    upsert.consent(ada.id(), "email", false);

    Customer stored = customers.get(ada.id()).orElseThrow();
    assertThat(stored.allows("email")).isFalse();
    assertThat(stored.allows("sms")).isFalse();
  }
}
