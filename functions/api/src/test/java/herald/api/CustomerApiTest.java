package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbChangedCustomers;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.Follows;
import herald.domain.segments.TrackBehaviour;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customers through the api function, every answer checked against the OpenAPI document. */
class CustomerApiTest {
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  private Env env;
  private ApiHandler api;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
  }

  @Test
  void findsACustomerByTheCompanysOwnId() {
    String id = Json.parse(call("POST", "/v1/customers",
        "{\"source_id\":\"crm-42\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}").getBody()).path("id").asText();

    APIGatewayV2HTTPResponse found = call("GET", "/v1/customers?source_id=crm-42", null);

    assertThat(found.getStatusCode()).isEqualTo(200);
    assertThat(Json.parse(found.getBody()).path("id").asText()).isEqualTo(id);
    assertError(call("GET", "/v1/customers?source_id=crm-nobody", null), 404, "source_id");
    assertError(call("GET", "/v1/customers", null), 400, "source_id");
  }

  @Test
  void refusesAPhoneThatIsNotE164AndStoresNothing() {
    APIGatewayV2HTTPResponse refused = call("POST", "/v1/customers", "{\"source_id\":\"crm-7\",\"phone\":\"07700 900123\"}");

    assertError(refused, 400, "phone");
    assertThat(Json.parse(refused.getBody()).path("code").asText()).isEqualTo("invalid_phone");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
  }

  @Test
  void erasingACustomerRemovesEveryPersonalFieldAndOnlyThatCustomer() {
    String ada = Json.parse(call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"name\":\"Ada\","
        + "\"email\":\"ada@example.com\",\"phone\":\"+447700900123\",\"metadata\":{\"city\":\"London\"}}").getBody())
        .path("id").asText();
    String bob = Json.parse(call("POST", "/v1/customers", "{\"source_id\":\"crm-2\",\"name\":\"Bob\"}").getBody())
        .path("id").asText();

    APIGatewayV2HTTPResponse erased = call("DELETE", "/v1/customers/" + ada, null);

    assertThat(erased.getStatusCode()).isEqualTo(204);
    assertError(call("GET", "/v1/customers/" + ada, null), 404, "id");
    var scan = StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE")));
    assertThat(scan.items().toString()).doesNotContain("ada@example.com").doesNotContain("Ada")
        .doesNotContain("+447700900123").doesNotContain("London");
    assertThat(call("GET", "/v1/customers/" + bob, null).getStatusCode()).isEqualTo(200);
    assertError(call("DELETE", "/v1/customers/" + ada, null), 404, "id");
  }

  /**
   * The api function evaluates no segment: it saves the customer (marked as changed), announces the change on the
   * customer changes queue and answers; the segments function moves them in and out of segments
   * (SegmentsHandlerTest), and takes an erased customer out of every segment.
   */
  @Test
  void upsertsAndErasesAreAnnouncedForTheSegmentsFunctionAndNothingIsEvaluatedHere() {
    try (RecordingEventBridge bus = new RecordingEventBridge()) {
      api = new ApiHandler(env.with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint()));
      String segment = Json.parse(call("POST", "/v1/segments", "{\"name\":\"Gold\",\"type\":\"auto-update\","
          + "\"rules\":{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}}").getBody())
          .path("id").asText();
      String ada = Json.parse(call("POST", "/v1/customers",
          "{\"source_id\":\"crm-1\",\"metadata\":{\"plan\":\"gold\"}}").getBody()).path("id").asText();
      call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"metadata\":{\"plan\":\"gold\"}}");

      assertThat(call("DELETE", "/v1/customers/" + ada, null).getStatusCode()).isEqualTo(204);

      assertThat(announced()).as("the upsert and the erase; the unchanged upsert wrote and announced nothing")
          .containsExactly(ada, ada);
      assertThat(bus.entries()).isEmpty();
      assertThat(Json.parse(call("GET", "/v1/segments/" + segment, null).getBody()).path("member_count").asLong())
          .isZero();
      assertError(call("DELETE", "/v1/customers/" + ada, null), 404, "id");
      assertThat(announced()).isEmpty();
    }
  }

  /** The customer ids announced on the customer changes queue since the last call, taken off it. */
  private List<String> announced() {
    var sqs = StandIns.sqs(env);
    List<String> ids = new ArrayList<>();
    while (true) {
      var messages = sqs.receiveMessage(r -> r.queueUrl(env.get("CUSTOMER_CHANGES_QUEUE_URL")).maxNumberOfMessages(10)
          .visibilityTimeout(60)).messages();
      if (messages.isEmpty()) return ids;
      for (var m : messages) {
        ids.add(Json.parse(m.body()).path("customer_id").asText());
        sqs.deleteMessage(r -> r.queueUrl(env.get("CUSTOMER_CHANGES_QUEUE_URL")).receiptHandle(m.receiptHandle()));
      }
    }
  }

  @Test
  void keepsATimezoneAndRefusesOneThatIsNotAnIanaZone() {
    call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"timezone\":\"Europe/Warsaw\"}");
    JsonNode ada = Json.parse(call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"name\":\"Ada\"}").getBody());

    assertThat(ada.path("timezone").asText()).isEqualTo("Europe/Warsaw");
    APIGatewayV2HTTPResponse refused = call("POST", "/v1/customers",
        "{\"source_id\":\"crm-2\",\"timezone\":\"+02:00\"}");
    assertError(refused, 400, "timezone");
    assertThat(Json.parse(refused.getBody()).path("code").asText()).isEqualTo("invalid_timezone");
    assertError(call("POST", "/v1/customers", "{\"source_id\":\"crm-2\",\"timezone\":\"Europe/Atlantis\"}"), 400,
        "timezone");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isEqualTo(1);
  }

  @Test
  void showsTheBehaviourCountedFromEventsAndRefusesItAsInput() {
    String id = Customer.idFor("crm-1");
    var customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    TrackBehaviour track = new TrackBehaviour(customers, Follows.withoutSegments(customers,
        new DynamoDbChangedCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"))), Clock.systemUTC());
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    track.track(new TriggerEvent("evt_1", "customer.order.paid", t0, new TriggerEvent.CustomerRef(id, "crm-1"),
        Map.of("order", Map.of("id", "o-1", "total_amount", 2500))));
    track.track(new TriggerEvent("evt_2", "customer.custom_event", t0.plusSeconds(60),
        new TriggerEvent.CustomerRef(id, "crm-1"), Map.of("event", "signed_up")));

    JsonNode ada = Json.parse(call("GET", "/v1/customers/" + id, null).getBody());

    assertThat(ada.at("/events/signed_up/count").asLong()).isEqualTo(1);
    assertThat(ada.at("/events/signed_up/last_at").asText()).isEqualTo("2026-11-25T10:01:00Z");
    assertThat(ada.at("/events/customer.order.paid/count").asLong()).isEqualTo(1);
    assertThat(ada.at("/orders/count").asLong()).isEqualTo(1);
    assertThat(ada.at("/orders/total_amount").asLong()).isEqualTo(2500);
    assertThat(ada.at("/orders/last_order_at").asText()).isEqualTo("2026-11-25T10:00:00Z");
    assertError(call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"orders\":{\"count\":100}}"), 400,
        "orders");
    assertError(call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"events\":{}}"), 400, "events");
    assertThat(Json.parse(call("POST", "/v1/customers", "{\"source_id\":\"crm-1\",\"name\":\"Ada\"}").getBody())
        .at("/orders/total_amount").asLong()).isEqualTo(2500);
  }

  @Test
  void anUpsertThatChangesNothingKeepsUpdatedAt() throws Exception {
    String body = "{\"source_id\":\"crm-1\",\"name\":\"Ada\",\"metadata\":{\"plan\":\"gold\",\"n\":1.50}}";
    JsonNode first = Json.parse(call("POST", "/v1/customers", body).getBody());
    Thread.sleep(5);

    JsonNode again = Json.parse(call("POST", "/v1/customers", body).getBody());

    assertThat(again.path("updated_at").asText()).isEqualTo(first.path("updated_at").asText());
    assertThat(again).isEqualTo(first);
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body) {
    var event = TestRequests.event(method, pathAndQuery, body, TestRequests.bearer("herald-local-key"));
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    OPENAPI.check(method, event.getRawPath(), response.getStatusCode(), response.getBody());
    return response;
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
