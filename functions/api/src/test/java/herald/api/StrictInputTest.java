package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Json;
import herald.testing.EventFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the API refuses at the door: lenient JSON, text that is not plain, ids and cursors too long, deep values. */
class StrictInputTest {
  private static StandInApi api;

  @BeforeAll
  static void start() {
    api = new StandInApi();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void refusesAFieldNamedTwice() {
    assertError(api.call("POST", "/v1/customers", "{\"source_id\":\"dup\",\"name\":\"A\",\"name\":\"B\"}"), 400,
        "malformed_json", "body");
  }

  @Test
  void refusesABodyThatIsNotUtf8AndStoresNothing() {
    long before = api.count("CUSTOMERS_TABLE");
    byte[] body = "{\"source_id\":\"utf\",\"name\":\"Ad\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    body[body.length - 3] = (byte) 0xE9;
    APIGatewayV2HTTPEvent event = TestRequests.event("POST", "/v1/customers", null,
        Map.of("authorization", "Bearer herald-local-key", "content-type", "application/json"));
    event.setBody(Base64.getEncoder().encodeToString(body));
    event.setIsBase64Encoded(true);
    assertError(new ApiHandler(api.env).handleRequest(event, null), 400, "invalid_utf8", "body");
    assertThat(api.count("CUSTOMERS_TABLE")).isEqualTo(before);
  }

  @Test
  void aJsonRouteTakesOnlyApplicationJson() {
    String body = "{\"source_id\":\"typed\"}";
    assertError(api.call("POST", "/v1/customers", body, Map.of("content-type", "text/plain")), 415,
        "unsupported_media_type", "content-type");
    assertError(api.call("POST", "/v1/customers", body, Map.of("content-type", "application/json; charset=latin1")),
        415, "unsupported_media_type", "content-type");
    Map<String, String> none = new java.util.HashMap<>();
    none.put("content-type", null);
    assertError(api.call("POST", "/v1/customers", body, none), 415, "unsupported_media_type", "content-type");
    assertThat(api.call("POST", "/v1/customers", body, Map.of("content-type", "application/json; charset=UTF-8"))
        .getStatusCode()).isEqualTo(200);
  }

  @Test
  void refusesControlCharactersAndLoneSurrogatesInIdsAndNames() {
    assertError(api.call("POST", "/v1/customers", "{\"source_id\":\"a\\u0000b\"}"), 400, "invalid_characters",
        "source_id");
    assertError(api.call("POST", "/v1/customers", "{\"source_id\":\"ok\",\"name\":\"Ada\\ud800\"}"), 400,
        "invalid_characters", "name");
    assertError(api.call("POST", "/v1/events", "{\"event\":\"signed\\nup\",\"customer\":{\"source_id\":\"a\"}}"),
        400, "invalid_characters", "event");
    assertError(api.call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"a\"},"
        + "\"id\":\"e\\u0001\"}"), 400, "invalid_characters", "id");
    assertError(api.call("POST", "/v1/segments", "{\"name\":\"Go\\r\\nld\",\"type\":\"static\"}"), 400,
        "invalid_characters", "name");
    assertError(api.call("POST", "/v1/api-keys", "{\"name\":\"\\udc00\"}"), 400, "invalid_characters", "name");
  }

  @Test
  void refusesLineBreaksInEveryFieldThatReachesAHeader() {
    assertError(api.call("PUT", "/v1/settings/brand", "{\"sender_name\":\"Acme\\r\\nBcc: all@example.com\","
        + "\"sender_email\":\"hello@acme.test\",\"postal_address\":\"1 Market Street\"}"), 400, "invalid_characters",
        "sender_name");
    assertError(api.call("PUT", "/v1/settings/brand", "{\"sender_name\":\"Acme\","
        + "\"sender_email\":\"hello@acme.test\\u0000\",\"postal_address\":\"1 Market Street\"}"), 400,
        "invalid_characters", "sender_email");
    String distribution = validBody("api-create-distribution.json");
    JsonNode channels = Json.parse(distribution).path("channels");
    String email = distributionWith(distribution, "[{\"type\":\"email\",\"subject\":\"Hi\\r\\nBcc: x@example.com\","
        + "\"text\":\"x\"}]");
    assertError(api.call("POST", "/v1/distributions", email), 400, "invalid_characters", "channels[0].subject");
    String sms = distributionWith(distribution, "[{\"type\":\"sms\",\"text\":\"x\",\"sender_id\":\"Acme\\r\\nX\"}]");
    assertError(api.call("POST", "/v1/distributions", sms), 400, "invalid_value", "channels[0].sender_id");
    assertThat(channels.isArray()).isTrue();
  }

  @Test
  void longIdsAndTamperedCursorsAre4xx() {
    String longId = "d".repeat(3000);
    assertError(api.call("GET", "/v1/distributions/" + longId, null), 404, "not_found", "id");
    assertError(api.call("GET", "/v1/customers/" + longId, null), 404, "not_found", "id");
    assertError(api.call("DELETE", "/v1/segments/seg_x/members/" + longId, null), 404, "not_found", "customer_id");
    assertError(api.call("DELETE", "/v1/suppressions/%zz", null), 404, "not_found", "address");
    assertError(api.call("POST", "/v1/segments", "{\"name\":\"S\",\"type\":\"static\",\"customer_ids\":[\""
        + "c".repeat(2000) + "\"]}"), 400, "too_long", "customer_ids[0]");
    for (String key : new String[] {"{\"list\":\"segments\",\"after\":\"\"}",
        "{\"list\":\"segments\",\"after\":\"" + "a".repeat(2000) + "\"}"}) {
      String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
      assertError(api.call("GET", "/v1/segments?cursor=" + cursor, null), 400, "invalid_cursor", "cursor");
    }
    assertError(api.call("GET", "/v1/segments?cursor=" + "A".repeat(20_000), null), 400, "invalid_cursor", "cursor");
  }

  @Test
  void metadataAndEventDataNestAtMost32Levels() {
    assertThat(api.call("POST", "/v1/customers", "{\"source_id\":\"deep\",\"metadata\":" + nested(32) + "}")
        .getStatusCode()).isEqualTo(200);
    assertError(api.call("POST", "/v1/customers", "{\"source_id\":\"deep\",\"metadata\":" + nested(33) + "}"), 400,
        "too_deep", "metadata");
    assertError(api.call("POST", "/v1/customers", "{\"source_id\":\"deep\",\"metadata\":" + nested(998) + "}"), 400,
        "too_deep", "metadata");
    assertError(api.call("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"deep\"},"
        + "\"data\":" + nested(998) + "}"), 400, "too_deep", "data");
    assertThat(api.bus.entries()).isEmpty();
  }

  @Test
  void theOpenApiDocumentOfAnApiGatewayRequestNamesItsDomainAndStage() {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EventFiles.path("api-health.json").toString());
    event.setRawPath("/v1/openapi.json");
    event.getRequestContext().getHttp().setPath("/v1/openapi.json");
    event.getRequestContext().setDomainName("abc123.execute-api.eu-west-1.amazonaws.com");
    event.getRequestContext().setStage("prod");
    event.setHeaders(Map.of("host", "abc123.execute-api.eu-west-1.amazonaws.com", "x-forwarded-proto", "https"));
    JsonNode document = Json.parse(new ApiHandler(api.env).handleRequest(event, null).getBody());
    assertThat(document.at("/servers/0/url").asText()).isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com/prod");
  }

  @Test
  void logsNameAKeyByItsIdNeverByItsName() {
    String name = "Ada Lovelace ada.lovelace@example.com +447700900123";
    JsonNode issued = Json.parse(api.call("POST", "/v1/api-keys", "{\"name\":\"" + name + "\"}").getBody());
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      api.call("POST", "/v1/api-keys", "{\"name\":\"second\"}",
          Map.of("authorization", "Bearer " + issued.path("key").asText()));
      api.call("DELETE", "/v1/suppressions/someone%40example.com", null,
          Map.of("authorization", "Bearer " + issued.path("key").asText()));
    } finally {
      System.setOut(original);
    }
    String logs = out.toString(StandardCharsets.UTF_8);
    assertThat(logs).contains(issued.path("id").asText()).doesNotContain("Ada").doesNotContain("lovelace")
        .doesNotContain("someone");
  }

  private static String nested(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  private static String validBody(String file) {
    return EventLoader.loadApiGatewayHttpEvent(EventFiles.path(file).toString()).getBody();
  }

  private static String distributionWith(String body, String channels) {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(body);
    node.set("channels", Json.parse(channels));
    node.put("name", "n" + System.nanoTime());
    return node.toString();
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode error = Json.parse(response.getBody());
    assertThat(error.path("code").asText()).as(response.getBody()).isEqualTo(code);
    assertThat(error.path("field").asText(null)).as(response.getBody()).isEqualTo(field);
  }
}
