package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.fakes.TestClock;
import herald.domain.keys.InMemoryApiKeys;
import herald.domain.keys.ManageApiKeys;
import herald.domain.keys.NewKey;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private static final String ROOT = "Bearer herald-root-key";
  private Env env;
  private ApiHandler api;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-root-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
  }

  @Test
  void aKeyWorksUntilRevokedAndIsNeverShownAgain() {
    APIGatewayV2HTTPResponse created = call("POST", "/v1/api-keys", "{\"name\":\"CI pipeline\"}", ROOT);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    JsonNode key = Json.parse(created.getBody());
    assertThat(fieldNames(key)).containsExactlyInAnyOrder("id", "name", "key", "created_at");
    assertThat(key.path("id").asText()).startsWith("key_");
    assertThat(key.path("name").asText()).isEqualTo("CI pipeline");
    String secret = key.path("key").asText();
    String bearer = "Bearer " + secret;
    assertThat(secret).startsWith("hk_").hasSize(46);

    APIGatewayV2HTTPResponse used = call("POST", "/v1/customers", "{\"source_id\":\"ada-1\"}", bearer);
    assertThat(used.getStatusCode()).as(used.getBody()).isEqualTo(200);

    APIGatewayV2HTTPResponse listed = call("GET", "/v1/api-keys", null, bearer);
    assertThat(listed.getStatusCode()).isEqualTo(200);
    assertThat(listed.getBody()).doesNotContain(secret).doesNotContain("\"key\"").doesNotContain("hash");
    JsonNode item = Json.parse(listed.getBody()).path("data").get(0);
    assertThat(fieldNames(item)).containsExactlyInAnyOrder("id", "name", "created_at", "last_used_at", "revoked_at");
    assertThat(item.path("id").asText()).isEqualTo(key.path("id").asText());
    assertThat(item.path("last_used_at").isTextual()).isTrue();
    assertThat(item.path("revoked_at").isNull()).isTrue();

    APIGatewayV2HTTPResponse revoked = call("DELETE", "/v1/api-keys/" + key.path("id").asText(), null, ROOT);
    assertThat(revoked.getStatusCode()).isEqualTo(204);
    assertThat(revoked.getBody()).isNullOrEmpty();
    assertError(call("GET", "/v1/api-keys", null, bearer), 403, "key_revoked");
    assertError(call("POST", "/v1/customers", "{\"source_id\":\"ada-2\"}", bearer), 403, "key_revoked");

    APIGatewayV2HTTPResponse byRoot = call("GET", "/v1/api-keys", null, ROOT);
    assertThat(byRoot.getStatusCode()).isEqualTo(200);
    assertThat(byRoot.getBody()).doesNotContain(secret);
    assertThat(Json.parse(byRoot.getBody()).path("data").get(0).path("revoked_at").isTextual()).isTrue();
  }

  @Test
  void refusesMissingMalformedAndUnknownKeys() {
    String random = "hk_" + "A".repeat(43);
    for (String header : new String[] {null, "", "Bearer", "Bearer   ", "Basic aGVyYWxkOmtleQ==", "herald-root-key",
        "Bearer " + random, "Bearer nope", "Bearer herald-root-keyx"}) {
      assertError(call("GET", "/v1/api-keys", null, header), 401, "unauthorized");
    }
    assertThat(call("GET", "/v1/api-keys", null, "bearer   herald-root-key ").getStatusCode()).isEqualTo(200);
    assertThat(call("GET", "/v1/health", null, null).getStatusCode()).isEqualTo(200);
  }

  @Test
  void aKeyMayRevokeItselfAndTheRootKeyCannotBeRevoked() {
    JsonNode key = create("self");
    APIGatewayV2HTTPResponse revoked =
        call("DELETE", "/v1/api-keys/" + key.path("id").asText(), null, "Bearer " + key.path("key").asText());
    assertThat(revoked.getStatusCode()).isEqualTo(204);
    assertError(call("GET", "/v1/api-keys", null, "Bearer " + key.path("key").asText()), 403, "key_revoked");
    assertThat(call("DELETE", "/v1/api-keys/" + key.path("id").asText(), null, ROOT).getStatusCode())
        .as("revoking again is harmless").isEqualTo(204);

    APIGatewayV2HTTPResponse root = call("DELETE", "/v1/api-keys/root", null, ROOT);
    assertThat(root.getStatusCode()).isEqualTo(404);
    assertThat(Json.parse(root.getBody()).path("code").asText()).isEqualTo("not_found");
    assertThat(call("DELETE", "/v1/api-keys/key_00000000000000000000000000000000", null, ROOT).getStatusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/v1/api-keys", null, ROOT).getStatusCode()).isEqualTo(200);
  }

  @Test
  void refusesABadNameAndStoresNothing() {
    assertInvalid(call("POST", "/v1/api-keys", "{\"name\":\"ci\",\"scope\":\"all\"}", ROOT), "unknown_field", "scope");
    assertInvalid(call("POST", "/v1/api-keys", "{}", ROOT), "missing_field", "name");
    assertInvalid(call("POST", "/v1/api-keys", "{\"name\":5}", ROOT), "invalid_type", "name");
    assertInvalid(call("POST", "/v1/api-keys", "{\"name\":\"" + "x".repeat(101) + "\"}", ROOT), "too_long", "name");
    assertInvalid(call("POST", "/v1/api-keys", "{\"name\":\"root\"}", ROOT), "reserved_name", "name");
    assertInvalid(call("POST", "/v1/api-keys", "{\"name\":", ROOT), "malformed_json", "body");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("API_KEYS_TABLE"))).count()).isZero();
  }

  @Test
  void lastUseIsWrittenOnceForRequestsWithinAMinute() {
    JsonNode key = create("busy");
    String bearer = "Bearer " + key.path("key").asText();
    call("GET", "/v1/api-keys", null, bearer);
    String first = Json.parse(call("GET", "/v1/api-keys", null, bearer).getBody())
        .path("data").get(0).path("last_used_at").asText();
    for (int i = 0; i < 3; i++) call("GET", "/v1/api-keys", null, bearer);
    String later = Json.parse(call("GET", "/v1/api-keys", null, ROOT).getBody())
        .path("data").get(0).path("last_used_at").asText();
    assertThat(first).isNotEmpty().isEqualTo(later);
  }

  @Test
  void theRouterTellsRoutesWhoIsCallingAndSurvivesAFailureToRecordUse() {
    InMemoryApiKeys store = new InMemoryApiKeys();
    ManageApiKeys keys = new ManageApiKeys(store, new TestClock(), "root-secret");
    String secret = keys.create(new NewKey("reporting")).secret();
    Routes routes = () -> List.of(
        Route.of("GET", "/v1/health", (req, p) -> HttpResponse.ok(Json.object().put("actor", req.actor()))),
        Route.of("GET", "/v1/whoami", (req, p) -> HttpResponse.ok(Json.object().put("actor", req.actor()))));
    Router router = new Router(Set.of(routes), new ApiKeyCheck(keys));

    assertThat(actor(router, "/v1/whoami", "Bearer root-secret")).isEqualTo("root");
    assertThat(actor(router, "/v1/whoami", "Bearer " + secret)).isEqualTo("reporting");
    assertThat(actor(router, "/v1/health", null)).isNull();

    store.failUses = new IllegalStateException("throttled");
    store.reads = 0;
    HttpResponse response = router.handle(new HttpRequest("GET", "/v1/whoami",
        Map.of("authorization", "Bearer " + secret), Map.of(), null));
    assertThat(response.status()).isEqualTo(200);
    assertThat(store.reads).as("one read per request for a stored key").isEqualTo(1);
    store.reads = 0;
    actor(router, "/v1/whoami", "Bearer root-secret");
    assertThat(store.reads).as("no read for the root key").isZero();
  }

  private static String actor(Router router, String path, String authorization) {
    Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
    JsonNode body = router.handle(new HttpRequest("GET", path, headers, Map.of(), null)).body();
    return body.path("actor").isNull() ? null : body.path("actor").asText();
  }

  private JsonNode create(String name) {
    APIGatewayV2HTTPResponse created = call("POST", "/v1/api-keys", "{\"name\":\"" + name + "\"}", ROOT);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    return Json.parse(created.getBody());
  }

  private APIGatewayV2HTTPResponse call(String method, String path, String body, String authorization) {
    Map<String, String> headers = new HashMap<>();
    headers.put("authorization", authorization);
    return api.handleRequest(TestRequests.event(method, path, body, headers), null);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("message").asText()).isNotBlank();
    assertThat(body.path("field").asText()).isEqualTo("authorization");
  }

  private static void assertInvalid(APIGatewayV2HTTPResponse response, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
