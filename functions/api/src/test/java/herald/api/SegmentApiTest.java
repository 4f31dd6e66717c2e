package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The segments API through the api function, every response checked against the OpenAPI document. */
class SegmentApiTest {
  private static final String GOLD = "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}";
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
  void aStaticSegmentsMembersAreAddedAndRemovedWithOneEventEach() {
    String ada = customer("ada", null);
    String bob = customer("bob", null);
    JsonNode created = ok(201, call("POST", "/v1/segments",
        "{\"name\":\"VIP\",\"type\":\"static\",\"customer_ids\":[\"" + ada + "\"]}"));
    String id = created.path("id").asText();
    assertThat(created.path("member_count").asLong()).isEqualTo(1);
    assertThat(created.has("rules")).isFalse();
    assertThat(created.has("evaluation")).isFalse();

    JsonNode added = ok(200, call("POST", "/v1/segments/" + id + "/members",
        "{\"customer_ids\":[\"" + ada + "\",\"" + bob + "\"]}"));
    assertThat(added).isEqualTo(Json.parse("{\"added\":1,\"already_members\":1}"));
    assertThat(ok(200, call("GET", "/v1/segments/" + id, null)).path("member_count").asLong()).isEqualTo(2);

    assertThat(call("DELETE", "/v1/segments/" + id + "/members/" + bob, null).getStatusCode()).isEqualTo(204);
    assertError(call("DELETE", "/v1/segments/" + id + "/members/" + bob, null), 404, "not_found", "customer_id");

    JsonNode members = ok(200, call("GET", "/v1/segments/" + id + "/members", null));
    assertThat(members.path("data")).hasSize(1);
    assertThat(members.path("data").get(0).path("customer_id").asText()).isEqualTo(ada);
    assertThat(members.path("next_cursor").isNull()).isTrue();
    assertThat(segmentEvents()).containsExactly("customer.segment.entered " + ada,
        "customer.segment.entered " + bob, "customer.segment.left " + bob);
  }

  /**
   * Until issue 9 the api evaluated bob's upsert itself (he entered at once). Now it only announces the change
   * ({@link CustomerApiTest}) and the segments function moves him in (SegmentsHandlerTest, SegmentsEndToEndTest):
   * the api runs no rules, so right after the upserts nobody is in the segment.
   */
  @Test
  void anAutoUpdateSegmentStartsItsEvaluationOnTheScansQueueAndTheApiEvaluatesNoProfile() {
    String ada = customer("ada", "gold");
    JsonNode created = ok(201, call("POST", "/v1/segments",
        "{\"name\":\"Gold\",\"type\":\"auto-update\",\"rules\":{\"and\":[" + GOLD + "]}}"));
    String id = created.path("id").asText();
    String actionId = created.path("evaluation").path("async_action_id").asText();
    assertThat(actionId).isNotEmpty();
    assertThat(created.path("rules")).isEqualTo(Json.parse("{\"and\":[" + GOLD + "]}"));
    assertThat(api.queued("SEGMENT_SCANS_QUEUE_URL")).as("one scan part each").isEqualTo(4);
    assertThat(api.queued("JOBS_QUEUE_URL")).isZero();

    customer("bob", "gold");
    customer("cid", "silver");

    JsonNode members = ok(200, call("GET", "/v1/segments/" + id + "/members", null));
    assertThat(members.path("data")).isEmpty();
    assertThat(segmentEvents()).isEmpty();
    assertThat(api.queued("CUSTOMER_CHANGES_QUEUE_URL")).as("ada, bob and cid announced").isEqualTo(3);
    assertError(call("POST", "/v1/segments/" + id + "/members", "{\"customer_ids\":[\"" + ada + "\"]}"), 400,
        "static_only", "customer_ids");
    assertThat(ok(200, call("GET", "/v1/segments/" + id, null)).path("evaluation").path("async_action_id").asText())
        .isEqualTo(actionId);
  }

  @Test
  void badInputIsRefusedWithTheFieldAtFaultAndStoresNothing() {
    String ada = customer("ada", null);
    assertError(call("POST", "/v1/segments", "{\"type\":\"static\"}"), 400, "missing_field", "name");
    assertError(call("POST", "/v1/segments", "{\"name\":\"X\",\"type\":\"dynamic\"}"), 400, "invalid_value", "type");
    assertError(call("POST", "/v1/segments", "{\"name\":\"X\",\"type\":\"auto-update\"}"), 400, "missing_field",
        "rules");
    assertError(call("POST", "/v1/segments", "{\"name\":\"X\",\"type\":\"auto-update\",\"rules\":{\"and\":[" + GOLD
        + ",{\"field\":\"metadata.plan\",\"operator\":\"is\",\"value\":1}]}}"), 400, "invalid_value",
        "rules.and[1].operator");
    assertError(call("POST", "/v1/segments", "{\"name\":\"X\",\"type\":\"static\",\"customer_ids\":[\"" + ada
        + "\",\"cust_nobody\"]}"), 400, "unknown_customer", "customer_ids[1]");
    assertError(call("POST", "/v1/segments", "{\"name\":\"X\",\"type\":\"static\",\"customer_ids\":[\"" + ada
        + "\",7]}"), 400, "invalid_type", "customer_ids[1]");
    assertError(call("POST", "/v1/segments", "{\"name\":\"X\",\"type\":\"static\",\"size\":3}"), 400,
        "unknown_field", "size");

    assertThat(ok(200, call("GET", "/v1/segments", null)).path("data")).isEmpty();
    assertThat(bus.entries()).isEmpty();
  }

  @Test
  void anEditNeedsTheCurrentVersionAndCannotChangeTheType() {
    JsonNode created = ok(201, call("POST", "/v1/segments", "{\"name\":\"VIP\",\"type\":\"static\"}"));
    String id = created.path("id").asText();

    assertError(call("PUT", "/v1/segments/" + id, "{\"name\":\"VIPs\"}"), 400, "missing_field", "version");
    assertError(call("PUT", "/v1/segments/" + id, "{\"name\":\"VIPs\",\"type\":\"auto-update\",\"version\":1}"), 400,
        "immutable_field", "type");
    JsonNode renamed = ok(200, call("PUT", "/v1/segments/" + id, "{\"name\":\"VIPs\"}", Map.of("if-match", "\"1\"")));
    assertThat(renamed.path("version").asLong()).isEqualTo(2);
    assertThat(renamed.path("member_count").asLong()).isZero();
    assertError(call("PUT", "/v1/segments/" + id, "{\"name\":\"Stale\",\"version\":1}"), 409, "version_conflict", null);

    ((com.fasterxml.jackson.databind.node.ObjectNode) renamed).put("name", "Round trip");
    assertThat(ok(200, call("PUT", "/v1/segments/" + id, renamed.toString())).path("version").asLong()).isEqualTo(3);
  }

  @Test
  void newRulesStartANewEvaluation() {
    JsonNode created = ok(201, call("POST", "/v1/segments",
        "{\"name\":\"Gold\",\"type\":\"auto-update\",\"rules\":" + GOLD + "}"));
    String id = created.path("id").asText();
    String silver = GOLD.replace("gold", "silver");

    JsonNode edited = ok(200, call("PUT", "/v1/segments/" + id, "{\"rules\":" + silver + ",\"version\":1}"));

    assertThat(edited.path("rules")).isEqualTo(Json.parse(silver));
    assertThat(edited.path("evaluation").path("async_action_id").asText()).isNotEmpty()
        .isNotEqualTo(created.path("evaluation").path("async_action_id").asText());
  }

  @Test
  void aSegmentInUseByADistributionCannotBeDeleted() {
    String id = ok(201, call("POST", "/v1/segments", "{\"name\":\"VIP\",\"type\":\"static\"}")).path("id").asText();
    String distribution = ok(201, call("POST", "/v1/distributions", "{\"name\":\"Welcome VIP\",\"trigger\":{\"type\":"
        + "\"customer.segment.entered\",\"filters\":{\"segment_id\":\"" + id + "\"}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\",\"subject\":"
        + "\"Hi\",\"html\":\"<p>Hi</p>\"}]}")).path("id").asText();

    assertError(call("DELETE", "/v1/segments/" + id, null), 409, "segment_in_use", null);
    assertThat(call("DELETE", "/v1/distributions/" + distribution, null).getStatusCode()).isEqualTo(204);
    assertError(call("DELETE", "/v1/segments/" + id, null, Map.of("if-match", "\"7\"")), 409, "version_conflict",
        null);
    assertThat(call("DELETE", "/v1/segments/" + id, null).getStatusCode()).isEqualTo(204);
    assertError(call("GET", "/v1/segments/" + id, null), 404, "not_found", "id");
  }

  @Test
  void membersArePagedThroughEveryShardAndSegmentsThroughTheList() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 23; i++) ids.add(customer("c" + i, null));
    String body = "{\"name\":\"Many\",\"type\":\"static\",\"customer_ids\":" + Json.write(ids) + "}";
    String id = ok(201, call("POST", "/v1/segments", body)).path("id").asText();
    ok(201, call("POST", "/v1/segments", "{\"name\":\"Second\",\"type\":\"static\"}"));
    ok(201, call("POST", "/v1/segments", "{\"name\":\"Third\",\"type\":\"static\"}"));

    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page = ok(200, call("GET", "/v1/segments/" + id + "/members?limit=4"
          + (cursor == null ? "" : "&cursor=" + cursor), null));
      assertThat(page.path("data").size()).isLessThanOrEqualTo(4);
      page.path("data").findValuesAsText("customer_id").forEach(c -> assertThat(seen.add(c)).isTrue());
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
    } while (cursor != null);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    assertError(call("GET", "/v1/segments/" + id + "/members?cursor=nonsense", null), 400, "invalid_cursor", "cursor");

    JsonNode first = ok(200, call("GET", "/v1/segments?limit=2", null));
    assertThat(first.path("data").findValuesAsText("name")).containsExactly("Many", "Second");
    assertThat(first.path("data").get(0).has("member_count")).isFalse();
    JsonNode second = ok(200, call("GET", "/v1/segments?limit=2&cursor=" + first.path("next_cursor").asText(), null));
    assertThat(second.path("data").findValuesAsText("name")).containsExactly("Third");
    assertThat(second.path("next_cursor").isNull()).isTrue();
  }

  private String customer(String sourceId, String plan) {
    String metadata = plan == null ? "{}" : "{\"plan\":\"" + plan + "\"}";
    return ok(200, 201, call("POST", "/v1/customers", "{\"source_id\":\"" + sourceId + "\",\"metadata\":" + metadata
        + "}")).path("id").asText();
  }

  /** The segment events put on the bus, as "type customer_id". */
  private List<String> segmentEvents() {
    List<String> events = new ArrayList<>();
    for (JsonNode entry : bus.entries()) {
      if (!entry.path("DetailType").asText().startsWith("customer.segment.")) continue;
      JsonNode detail = Json.parse(entry.path("Detail").asText());
      events.add(entry.path("DetailType").asText() + " " + detail.path("customer").path("id").asText());
    }
    return events;
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body) {
    return call(method, pathAndQuery, body, Map.of());
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body, Map<String, String> more) {
    return api.call(method, pathAndQuery, body, more);
  }

  private static JsonNode ok(int status, APIGatewayV2HTTPResponse response) {
    return ok(status, status, response);
  }

  private static JsonNode ok(int status, int orStatus, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isIn(status, orStatus);
    return Json.parse(response.getBody());
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    if (field == null) assertThat(body.path("field").isNull() || body.path("field").isMissingNode()).isTrue();
    else assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
