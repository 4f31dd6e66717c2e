package herald.domain.intake;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.CustomerProfile;
import herald.domain.events.EventCatalogue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IncomingEventTest {
  private static final CustomerProfile ADA = CustomerProfile.of("src-ada");

  private static IncomingEvent named(String event) {
    return new IncomingEvent(event, ADA, null, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"customer.signed_up", "customer.order.shipped", "customer."})
  void refusesAnUnknownNameInTheReservedCustomerNamespace(String event) {
    assertRefused(() -> named(event), "unknown_event_type", "event");
  }

  @ParameterizedTest
  @FieldSource("herald.domain.events.EventCatalogue#TYPES")
  void aCatalogueTypeGoesOnTheBusAsItself(String type) {
    if (type.equals(EventCatalogue.CUSTOM_EVENT)) {
      assertRefused(() -> named(type), "invalid_value", "event");
    } else {
      assertThat(named(type).type()).isEqualTo(type);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"signup", "cart.abandoned", "Customer.Order.Paid"})
  void anyOtherNameGoesOnTheBusAsACustomEvent(String event) {
    IncomingEvent incoming = named(event);

    assertThat(incoming.type()).isEqualTo("customer.custom_event");
    assertThat(incoming.event()).isEqualTo(event);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = " ")
  void refusesAMissingName(String event) {
    assertRefused(() -> named(event), "missing_field", "event");
  }

  @Test
  void refusesAMissingCustomer() {
    assertRefused(() -> new IncomingEvent("signup", null, Map.of(), null), "missing_field", "customer");
  }

  @Test
  void refusesATooLongNameOrKey() {
    assertRefused(() -> named("e".repeat(201)), "too_long", "event");
    assertRefused(() -> new IncomingEvent("signup", ADA, null, "k".repeat(201)), "too_long", "id");
  }

  @Test
  void trimsTheNameAndKeyAndTreatsABlankKeyAsNone() {
    IncomingEvent incoming = new IncomingEvent("  signup ", ADA, null, " k-1 ");
    assertThat(incoming.event()).isEqualTo("signup");
    assertThat(incoming.key()).isEqualTo("k-1");
    assertThat(new IncomingEvent("signup", ADA, null, "  ").key()).isNull();
  }

  @Test
  void missingDataIsEmpty() {
    assertThat(named("signup").data()).isEmpty();
  }
}
