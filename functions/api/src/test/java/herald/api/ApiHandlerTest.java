package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.EventFiles;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {
  private Env env;
  private ApiHandler api;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
  }

  @Test
  void healthNeedsNoKey() {
    APIGatewayV2HTTPEvent event = file("api-health.json");
    event.setHeaders(Map.of());
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(Json.parse(response.getBody()).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void everyOtherRouteNeedsTheKey() {
    APIGatewayV2HTTPEvent noKey = file("api-create-distribution.json");
    noKey.setHeaders(Map.of("content-type", "application/json"));
    assertError(api.handleRequest(noKey, null), 401, "unauthorized", "authorization");

    APIGatewayV2HTTPEvent wrongKey = file("api-create-distribution.json");
    wrongKey.setHeaders(Map.of("authorization", "Bearer nope"));
    assertError(api.handleRequest(wrongKey, null), 401, "unauthorized", "authorization");
  }

  @Test
  void createsADraftDistributionAndActivatesIt() {
    APIGatewayV2HTTPResponse created = api.handleRequest(file("api-create-distribution.json"), null);
    assertThat(created.getStatusCode()).isEqualTo(201);
    JsonNode body = Json.parse(created.getBody());
    assertThat(body.path("status").asText()).isEqualTo("DRAFT");
    String id = body.path("id").asText();

    APIGatewayV2HTTPResponse activated = api.handleRequest(request("POST", "/v1/distributions/" + id + "/activate", null), null);
    assertThat(activated.getStatusCode()).isEqualTo(200);
    assertThat(Json.parse(activated.getBody()).path("status").asText()).isEqualTo("ACTIVE");
    assertThat(new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds())
        .activeFor("customer.custom_event")).extracting(d -> d.id()).containsExactly(id);

    APIGatewayV2HTTPResponse fetched = api.handleRequest(request("GET", "/v1/distributions/" + id, null), null);
    assertThat(Json.parse(fetched.getBody()).path("channels").get(0).path("subject").asText())
        .isEqualTo("Hi {{customer.name}}");
  }

  @Test
  void archivedDistributionsCannotBeActivated() {
    String id = Json.parse(api.handleRequest(file("api-create-distribution.json"), null).getBody()).path("id").asText();
    api.handleRequest(request("POST", "/v1/distributions/" + id + "/archive", null), null);
    assertError(api.handleRequest(request("POST", "/v1/distributions/" + id + "/activate", null), null),
        409, "invalid_transition", null);
  }

  @Test
  void upsertsCustomersBySourceIdAndSetsTheBrand() {
    JsonNode first = Json.parse(api.handleRequest(file("api-create-customer.json"), null).getBody());
    JsonNode again = Json.parse(api.handleRequest(request("POST", "/v1/customers",
        "{\"source_id\":\"ada-1\",\"name\":\"Ada King\"}"), null).getBody());
    assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(again.path("name").asText()).isEqualTo("Ada King");
    assertThat(again.path("email").asText()).isEqualTo("ada@example.com");

    assertThat(api.handleRequest(file("api-put-brand.json"), null).getStatusCode()).isEqualTo(200);
    JsonNode brand = Json.parse(api.handleRequest(request("GET", "/v1/settings/brand", null), null).getBody());
    assertThat(brand.path("sender_email").asText()).isEqualTo("hello@acme.test");
  }

  @Test
  void refusesBadInputWithTheFieldAtFaultAndStoresNothing() {
    assertError(post("/v1/distributions", "{\"name\":"), 400, "malformed_json", "body");
    assertError(post("/v1/distributions", "[]"), 400, "invalid_type", "body");
    assertError(post("/v1/distributions", distribution("\"trigger\":{\"type\":\"customer.nope\"}")),
        400, "unknown_trigger_type", "trigger.type");
    assertError(post("/v1/distributions", distribution("\"trigger\":{\"type\":\"customer.custom_event\"}")),
        400, "missing_field", "trigger.filters.event");
    assertError(post("/v1/distributions", distribution("\"colour\":\"red\"")), 400, "unknown_field", "colour");
    assertError(post("/v1/distributions", "{\"name\":\"x\",\"trigger\":{\"type\":\"customer.order.paid\"},"
        + "\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":["
        + "{\"type\":\"email\",\"subject\":\"Hi\",\"html\":\"{{#open}}\"}]}"), 400, "invalid_template", "channels[0].html");
    assertError(post("/v1/distributions", "{\"name\":\"x\",\"trigger\":{\"type\":\"customer.order.paid\"},"
        + "\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":["
        + "{\"type\":\"email\",\"subject\":\"Hi\",\"html\":\"ok\",\"text\":5}]}"), 400, "invalid_type", "channels[0].text");
    assertError(post("/v1/customers", "{\"source_id\":\"x\",\"email\":\"not-an-email\"}"), 400, "invalid_email", "email");
    assertError(post("/v1/events", "{\"event\":\"signed_up\"}"), 400, "missing_field", "customer");
    assertError(post("/v1/events", "{\"event\":\"customer.unknown\",\"customer\":{\"source_id\":\"a\"}}"),
        400, "unknown_event_type", "event");
    assertError(post("/v1/settings/brand", "{}"), 405, "method_not_allowed", null);
    assertError(api.handleRequest(request("GET", "/v1/distributions/dist_missing", null), null), 404, "not_found", "id");
    assertError(api.handleRequest(request("GET", "/v1/nothing", null), null), 404, "route_not_found", null);

    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("DISTRIBUTIONS_TABLE"))).count()).isZero();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
  }

  @Test
  void refusesBodiesOver256KiB() {
    String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
    assertError(post("/v1/distributions", big), 413, "body_too_large", "body");
  }

  @Test
  void listsNoMessagesForANewDistributionAndRefusesABadCursor() {
    String id = Json.parse(api.handleRequest(file("api-create-distribution.json"), null).getBody()).path("id").asText();
    JsonNode page = Json.parse(api.handleRequest(request("GET", "/v1/distributions/" + id + "/messages", null), null)
        .getBody());
    assertThat(page.path("data").size()).isZero();
    APIGatewayV2HTTPEvent bad = request("GET", "/v1/distributions/" + id + "/messages", null);
    bad.setQueryStringParameters(Map.of("cursor", "garbage"));
    assertError(api.handleRequest(bad, null), 400, "invalid_cursor", "cursor");
  }

  @Test
  void primingForTheSnapshotChangesNothing() {
    DaggerApiComponent.factory().create(env).prime();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("EVENT_KEYS_TABLE"))).count()).isZero();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("ACTIVITY_TABLE"))).count()).isZero();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("SEGMENTS_TABLE"))).count()).isZero();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("ASYNC_ACTIONS_TABLE"))).count()).isZero();
    assertThat(StandIns.sqs(env).getQueueAttributes(r -> r.queueUrl(env.get("JOBS_QUEUE_URL"))
        .attributeNames(software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        .attributes()).containsEntry(
            software.amazon.awssdk.services.sqs.model.QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
  }

  private static String distribution(String extra) {
    return "{\"name\":\"x\",\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"plain_message\"},"
        + "\"channels\":[{\"type\":\"email\",\"subject\":\"Hi\",\"text\":\"Hi\"}]," + extra + "}";
  }

  private APIGatewayV2HTTPResponse post(String path, String body) {
    return api.handleRequest(request("POST", path, body), null);
  }

  private static APIGatewayV2HTTPEvent file(String name) {
    return EventLoader.loadApiGatewayHttpEvent(EventFiles.path(name).toString());
  }

  private static APIGatewayV2HTTPEvent request(String method, String path, String body) {
    return TestRequests.event(method, path, body, TestRequests.bearer("herald-local-key"));
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
    if (field == null) assertThat(body.path("field").isNull()).isTrue();
    else assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
