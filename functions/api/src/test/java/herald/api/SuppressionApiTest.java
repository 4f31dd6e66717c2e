package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.domain.suppressions.Suppression;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/suppressions and DELETE /v1/suppressions/{address}, through the handler, checked against the document. */
class SuppressionApiTest {
  private static final String KEY = "Bearer herald-local-key";
  private static OpenApiResponses openApi;
  private DynamoDbSuppressions suppressions;
  private ApiHandler api;

  @BeforeAll
  static void document() {
    openApi = OpenApiResponses.of(OpenApiDoc.read());
  }

  @BeforeEach
  void freshStandIns() {
    Env env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    suppressions = new DynamoDbSuppressions(StandIns.dynamo(env), env.get("SUPPRESSIONS_TABLE"));
    api = new ApiHandler(env);
  }

  @Test
  void listsTheSuppressedAddressesWithTheirReasonAndTime() {
    suppressions.add("Gone.Away@mail.example", Suppression.HARD_BOUNCE, Instant.parse("2026-11-25T10:00:04Z"));

    APIGatewayV2HTTPResponse response = call("GET", "/v1/suppressions", Map.of(), KEY);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(Json.parse(response.getBody())).isEqualTo(Json.parse("{\"data\":[{\"address\":\"gone.away@mail.example\","
        + "\"reason\":\"hard_bounce\",\"created_at\":\"2026-11-25T10:00:04Z\"}],\"next_cursor\":null}"));
  }

  @Test
  void pagesThroughTheListWithLimitAndCursor() {
    for (int i = 0; i < 5; i++) suppressions.add("c" + i + "@mail.example", Suppression.COMPLAINT, Instant.now());
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
      if (cursor != null) query.put("cursor", cursor);
      JsonNode page = Json.parse(call("GET", "/v1/suppressions", query, KEY).getBody());
      page.path("data").forEach(s -> seen.add(s.path("address").asText()));
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).hasSize(5);
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  void deletingAnAddressTakesItOffOnceWhateverItsCaseOrEncoding() {
    suppressions.add("ada@mail.example", Suppression.COMPLAINT, Instant.now());

    APIGatewayV2HTTPResponse removed = call("DELETE", "/v1/suppressions/Ada%40Mail.example", Map.of(), KEY);
    APIGatewayV2HTTPResponse again = call("DELETE", "/v1/suppressions/ada@mail.example", Map.of(), KEY);

    assertThat(removed.getStatusCode()).as(removed.getBody()).isEqualTo(204);
    assertThat(suppressions.contains("ada@mail.example")).isFalse();
    assertThat(again.getStatusCode()).isEqualTo(404);
    assertThat(Json.parse(again.getBody()).path("code").asText()).isEqualTo("not_found");
  }

  @Test
  void refusesCallsWithoutAKeyAndBadPaging() {
    assertThat(call("GET", "/v1/suppressions", Map.of(), null).getStatusCode()).isEqualTo(401);
    assertThat(call("DELETE", "/v1/suppressions/ada@mail.example", Map.of(), null).getStatusCode()).isEqualTo(401);
    APIGatewayV2HTTPResponse badLimit = call("GET", "/v1/suppressions", Map.of("limit", "0"), KEY);
    assertThat(badLimit.getStatusCode()).isEqualTo(400);
    assertThat(Json.parse(badLimit.getBody()).path("field").asText()).isEqualTo("limit");
    APIGatewayV2HTTPResponse badCursor = call("GET", "/v1/suppressions", Map.of("cursor", "nope"), KEY);
    assertThat(Json.parse(badCursor.getBody()).path("code").asText()).isEqualTo("invalid_cursor");
  }

  private APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> query, String authorization) {
    Map<String, String> headers = new HashMap<>();
    headers.put("authorization", authorization);
    APIGatewayV2HTTPEvent event = TestRequests.event(method, path, null, headers);
    event.setQueryStringParameters(query);
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    openApi.check(method, path, response.getStatusCode(), response.getBody());
    return response;
  }
}
