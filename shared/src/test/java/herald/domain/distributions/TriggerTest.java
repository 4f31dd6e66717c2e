package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import herald.domain.events.EventCatalogue;
import herald.domain.fakes.Samples;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerTest {
  private final Customer ada = Samples.customer("src-ada");

  @ParameterizedTest
  @ValueSource(strings = {"order.paid", "customer.order.shipped", "Customer.order.paid", "webhook"})
  void refusesAnUnknownType(String type) {
    assertRefused(() -> new Trigger(type, Map.of()), "unknown_trigger_type", "trigger.type");
  }

  @Test
  void refusesAMissingType() {
    assertRefused(() -> new Trigger(" ", Map.of()), "missing_field", "trigger.type");
    assertRefused(() -> new Trigger(null, Map.of()), "missing_field", "trigger.type");
  }

  @ParameterizedTest
  @FieldSource("herald.domain.events.EventCatalogue#TYPES")
  void acceptsEveryCatalogueType(String type) {
    Map<String, String> filters = EventCatalogue.CUSTOM_EVENT.equals(type) ? Map.of("event", "x") : null;
    assertThat(new Trigger(type, filters).type()).isEqualTo(type);
  }

  @Test
  void acceptsManual() {
    assertThat(new Trigger("manual", null).filters()).isEmpty();
  }

  @Test
  void refusesACustomEventTriggerWithoutAnEventName() {
    assertRefused(() -> new Trigger(Samples.CUSTOM, Map.of()), "missing_field", "trigger.filters.event");
    assertRefused(() -> new Trigger(Samples.CUSTOM, null), "missing_field", "trigger.filters.event");
    assertRefused(() -> new Trigger(Samples.CUSTOM, Map.of("event", "  ")), "missing_field", "trigger.filters.event");
  }

  @Test
  void matchesOnlyEventsOfItsType() {
    assertThat(Samples.orderPaid().matches(Samples.orderPaid("evt_1", ada))).isTrue();
    assertThat(Samples.orderPaid().matches(Samples.event("evt_1", "customer.order.created", ada, Map.of())))
        .isFalse();
  }

  @Test
  void aCustomEventTriggerMatchesOnlyItsEventName() {
    Trigger signup = Samples.custom("signup");

    assertThat(signup.matches(Samples.customEvent("evt_1", "signup", ada))).isTrue();
    assertThat(signup.matches(Samples.customEvent("evt_1", "signup_started", ada))).isFalse();
    assertThat(signup.matches(Samples.event("evt_1", Samples.CUSTOM, ada, Map.of()))).isFalse();
  }

  @Test
  void itsFiltersCannotBeChangedAfterwards() {
    Map<String, String> filters = new HashMap<>(Map.of("event", "signup"));
    Trigger trigger = new Trigger(Samples.CUSTOM, filters);

    filters.put("event", "churn");

    assertThat(trigger.matches(Samples.customEvent("evt_1", "signup", ada))).isTrue();
  }

  @Test
  void aCustomEventNameWithSurroundingSpacesStillMatchesTheTrimmedEvent() {
    Trigger padded = new Trigger(Samples.CUSTOM, Map.of("event", " signup "));

    assertThat(padded.matches(Samples.customEvent("evt_1", "signup", ada))).isTrue();
  }
}
