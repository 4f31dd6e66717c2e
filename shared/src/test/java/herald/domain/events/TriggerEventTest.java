package herald.domain.events;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerEventTest {
  private static final TriggerEvent.CustomerRef ADA = new TriggerEvent.CustomerRef("cust_1", "src-ada");

  @Test
  void refusesATypeOutsideTheCatalogue() {
    assertRefused(() -> new TriggerEvent("evt_1", "signup", T0, ADA, Map.of()), "unknown_event_type", "type");
  }

  /** A bus event of type manual is refused where bus events are read (EventJsonTest). */
  @Test
  void aManualSendsStartNamesNoCustomerUntilAddressedToOne() {
    TriggerEvent start = TriggerEvent.manual("sch_1", T0);
    assertThat(start.manual()).isTrue();
    assertThat(start.customer()).isNull();
    TriggerEvent addressed = start.to("cust_1");
    assertThat(addressed.customer().id()).isEqualTo("cust_1");
    assertThat(addressed.id()).isEqualTo("sch_1");
    assertRefused(() -> new TriggerEvent("evt_1", "customer.order.paid", T0, null, null), "missing_field", "customer");
  }

  @Test
  void refusesAMissingPart() {
    assertRefused(() -> new TriggerEvent(" ", "customer.order.paid", T0, ADA, null), "missing_field", "id");
    assertRefused(() -> new TriggerEvent("evt_1", "customer.order.paid", null, ADA, null), "missing_field",
        "created_at");
    assertRefused(() -> new TriggerEvent("evt_1", "customer.order.paid", T0, null, null), "missing_field", "customer");
    assertRefused(() -> new TriggerEvent.CustomerRef(null, "src"), "missing_field", "customer.id");
  }

  @Test
  void theNameOfACustomEventIsDataEventAndOtherwiseItsType() {
    assertThat(new TriggerEvent("e", "customer.custom_event", T0, ADA, Map.of("event", "signup")).name())
        .isEqualTo("signup");
    assertThat(new TriggerEvent("e", "customer.order.paid", T0, ADA, Map.of("event", "signup")).name())
        .isEqualTo("customer.order.paid");
    assertThat(new TriggerEvent("e", "customer.custom_event", T0, ADA, Map.of("event", 42)).name())
        .isEqualTo("customer.custom_event");
  }
}
