package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
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
