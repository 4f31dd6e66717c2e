package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/events: the customer fields an event carries change the profile before the event goes on the bus. */
class EventApiTest {
  private StandInApi api;
  private RecordingEventBridge bus;
  private Env env;

  @BeforeEach
  void freshStandIns() {
    api = new StandInApi();
    bus = api.bus;
    env = api.env;
  }

  @AfterEach
  void stopBus() {
    api.close();
  }

  @Test
  void anEventsCustomerFieldsAndMetadataChangeTheProfile() {
    assertThat(call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"name\":\"Ada\",\"email\":\"ada@example.com\",\"timezone\":\"Europe/Warsaw\","
        + "\"metadata\":{\"plan\":\"gold\",\"address\":{\"city\":\"Warsaw\"}}}}").getStatusCode()).isEqualTo(202);
    assertThat(call("POST", "/v1/events", "{\"event\":\"customer.order.paid\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"timezone\":\"America/New_York\",\"metadata\":{\"plan\":\"platinum\",\"lang\":\"en\"}},"
        + "\"data\":{\"order\":{\"id\":\"o-1\",\"total_amount\":1000}}}").getStatusCode()).isEqualTo(202);

    JsonNode ada = Json.parse(call("GET", "/v1/customers?source_id=crm-1", null).getBody());

    assertThat(ada.path("name").asText()).isEqualTo("Ada");
    assertThat(ada.path("email").asText()).isEqualTo("ada@example.com");
    assertThat(ada.path("timezone").asText()).isEqualTo("America/New_York");
    assertThat(ada.path("metadata")).isEqualTo(Json.parse(
        "{\"plan\":\"platinum\",\"address\":{\"city\":\"Warsaw\"},\"lang\":\"en\"}"));
    assertThat(bus.entries()).extracting(e -> e.path("DetailType").asText())
        .containsExactly("customer.custom_event", "customer.order.paid");
    assertThat(Json.parse(bus.entries().getLast().path("Detail").asText()).path("customer").path("id").asText())
        .isEqualTo(ada.path("id").asText());
  }

  @Test
  void anEventWithAnInvalidTimezoneIsRefusedAndStoresAndPutsNothing() {
    APIGatewayV2HTTPResponse refused = call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":"
        + "{\"source_id\":\"crm-1\",\"name\":\"Ada\",\"timezone\":\"+02:00\",\"metadata\":{\"plan\":\"gold\"}}}");

    assertError(refused, "invalid_timezone", "customer.timezone");
    assertNothingStoredOrPut();
  }

  @Test
  void anEventWithInvalidCustomerFieldsIsRefusedAndStoresAndPutsNothing() {
    assertError(call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"phone\":\"0770 090\"}}"), "invalid_phone", "customer.phone");
    assertError(call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"metadata\":[\"gold\"]}}"), "invalid_type", "customer.metadata");
    assertError(call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"orders\":{\"count\":10}}}"), "unknown_field", "customer.orders");
    assertNothingStoredOrPut();
  }

  @Test
  void anEventRepeatedWithTheSameIdChangesTheProfileOnce() {
    call("POST", "/v1/events", "{\"event\":\"signed_up\",\"id\":\"k-1\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"metadata\":{\"plan\":\"gold\"}}}");
    call("POST", "/v1/events", "{\"event\":\"signed_up\",\"id\":\"k-1\",\"customer\":{\"source_id\":\"crm-1\","
        + "\"metadata\":{\"plan\":\"silver\"}}}");

    JsonNode ada = Json.parse(call("GET", "/v1/customers?source_id=crm-1", null).getBody());
    assertThat(ada.path("metadata").path("plan").asText()).isEqualTo("gold");
    assertThat(bus.entries()).hasSize(1);
  }

  private void assertNothingStoredOrPut() {
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
    assertThat(bus.entries()).isEmpty();
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body) {
    return api.call(method, pathAndQuery, body);
  }

  /** Bad input is a 400 naming the code and the field at fault (as every refusal of this API). */
  private static void assertError(APIGatewayV2HTTPResponse response, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
