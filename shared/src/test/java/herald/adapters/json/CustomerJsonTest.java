package herald.adapters.json;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.platform.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerJsonTest {
  @Test
  void readsATimezone() {
    CustomerProfile profile = CustomerJson.parse(Json.parse("{\"source_id\":\"crm-1\",\"timezone\":\"Europe/Warsaw\","
        + "\"metadata\":{\"plan\":\"gold\"}}"), "");

    assertThat(profile.timezone()).isEqualTo("Europe/Warsaw");
    assertThat(profile.metadata()).containsEntry("plan", "gold");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+02:00", "Mars/Olympus_Mons", "UTC+2"})
  void refusesATimezoneThatIsNotAnIanaZoneIdWithItsPath(String timezone) {
    assertRefused(() -> CustomerJson.parse(Json.parse("{\"source_id\":\"crm-1\",\"timezone\":\"" + timezone + "\"}"),
        ""), "invalid_timezone", "timezone");
    assertRefused(() -> CustomerJson.parse(Json.parse("{\"source_id\":\"crm-1\",\"timezone\":\"" + timezone + "\"}"),
        "customer"), "invalid_timezone", "customer.timezone");
  }

  @ParameterizedTest
  @ValueSource(strings = {"events", "orders"})
  void refusesTheBehaviourAsInputForItIsCountedFromEvents(String field) {
    assertRefused(() -> CustomerJson.parse(Json.parse("{\"source_id\":\"crm-1\",\"" + field + "\":{}}"), "customer"),
        "unknown_field", "customer." + field);
  }

  @Test
  void writesTheTimezoneAndTheBehaviour() {
    Behaviour behaviour = new Behaviour(Map.of("signed_up", new EventStats(2, T0),
        "customer.order.paid", new EventStats(1, T0.plusSeconds(60))), 1, 10_000, T0.plusSeconds(60),
        List.of("evt_1"));
    Customer ada = new Customer("cust_1", "crm-1", "Ada", null, null, "Europe/Warsaw", Map.of(), Map.of(), behaviour,
        T0, T0, 3);

    JsonNode json = CustomerJson.write(ada);

    assertThat(json.path("timezone").asText()).isEqualTo("Europe/Warsaw");
    assertThat(json.path("events").toString()).isEqualTo("{\"customer.order.paid\":{\"count\":1,\"last_at\":\""
        + T0.plusSeconds(60) + "\"},\"signed_up\":{\"count\":2,\"last_at\":\"" + T0 + "\"}}");
    assertThat(json.path("orders").toString()).isEqualTo("{\"count\":1,\"total_amount\":10000,\"last_order_at\":\""
        + T0.plusSeconds(60) + "\"}");
    assertThat(json.has("version")).isFalse();
    assertThat(json.toString()).doesNotContain("evt_1");
  }

  @Test
  void aCustomerWithoutBehaviourHasNoEventsAndNoOrders() {
    JsonNode json = CustomerJson.write(new Customer("cust_1", "crm-1", null, null, null, null, T0, T0));

    assertThat(json.path("events")).isEqualTo(Json.object());
    assertThat(json.path("orders").toString()).isEqualTo("{\"count\":0,\"total_amount\":0,\"last_order_at\":null}");
    assertThat(json.path("timezone").isNull()).isTrue();
  }
}
