package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaigns API through the api function, every response checked against the OpenAPI document. */
class CampaignApiTest {
  private static final String WELCOME = "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\",\"join_once\":true,"
      + "\"start_date\":\"2026-01-01T00:00:00Z\",\"expiration_date\":\"2036-01-01T00:00:00+01:00\","
      + "\"code_config\":{\"charset\":\"ABC123\",\"pattern\":\"WELCOME-####\"},\"expiration_after_publish_days\":30}";
  private StandInApi api;

  @BeforeEach
  void freshStandIns() {
    api = new StandInApi();
  }

  @AfterEach
  void stopBus() {
    api.close();
  }

  @Test
  void aCampaignIsCreatedReadListedReplacedAndDeleted() {
    JsonNode created = ok(201, call("POST", "/v1/campaigns", WELCOME));
    String id = created.path("id").asText();
    assertThat(id).matches("camp_[0-9a-f]{32}");
    assertThat(created.path("expiration_date").asText()).isEqualTo("2035-12-31T23:00:00Z");
    assertThat(created.path("join_once").asBoolean()).isTrue();
    assertThat(created.path("code_config")).isEqualTo(Json.parse("{\"length\":8,\"charset\":\"ABC123\","
        + "\"prefix\":\"\",\"postfix\":\"\",\"pattern\":\"WELCOME-####\"}"));
    assertThat(created.path("codes")).isEqualTo(Json.parse("{\"total\":0,\"published\":0,\"available\":0}"));
    assertThat(created.path("version").asLong()).isEqualTo(1);
    assertThat(ok(200, call("GET", "/v1/campaigns/" + id, null))).isEqualTo(created);

    ObjectNode edit = (ObjectNode) created.deepCopy();
    edit.put("name", "Welcome back").put("auto_increase", true);
    JsonNode edited = ok(200, call("PUT", "/v1/campaigns/" + id, edit.toString()));
    assertThat(edited.path("name").asText()).isEqualTo("Welcome back");
    assertThat(edited.path("auto_increase").asBoolean()).isTrue();
    assertThat(edited.path("version").asLong()).isEqualTo(2);
    assertError(call("PUT", "/v1/campaigns/" + id, edit.toString()), 409, "version_conflict", null);
    edit.put("version", 2).put("type", "GIFT_VOUCHERS");
    assertError(call("PUT", "/v1/campaigns/" + id, edit.toString()), 400, "immutable_field", "type");

    String second = ok(201, call("POST", "/v1/campaigns", "{\"name\":\"Gifts\",\"type\":\"GIFT_VOUCHERS\"}"))
        .path("id").asText();
    JsonNode first = ok(200, call("GET", "/v1/campaigns?limit=1", null));
    assertThat(first.path("data").findValuesAsText("id")).containsExactly(id);
    JsonNode next = ok(200, call("GET", "/v1/campaigns?limit=1&cursor=" + first.path("next_cursor").asText(), null));
    assertThat(next.path("data").findValuesAsText("id")).containsExactly(second);
    assertThat(next.path("next_cursor").isNull()).isTrue();
    assertThat(next.path("data").get(0).path("code_config").path("charset").asText()).isEqualTo("alphanumeric");

    assertThat(call("DELETE", "/v1/campaigns/" + id, null).getStatusCode()).isEqualTo(204);
    assertError(call("GET", "/v1/campaigns/" + id, null), 404, "not_found", "id");
    assertError(call("DELETE", "/v1/campaigns/" + id, null), 404, "not_found", "id");
  }

  @Test
  void aPromotionKeepsItsTiersAndGivesIdsToTiersWithout() {
    JsonNode created = ok(201, call("POST", "/v1/campaigns", "{\"name\":\"Summer\",\"type\":\"PROMOTION\",\"tiers\":["
        + "{\"id\":\"gold\",\"name\":\"Gold\",\"banner\":\"20% off\",\"description\":\"For our best\"},"
        + "{\"name\":\"Silver\"}]}"));
    assertThat(created.path("tiers").get(0)).isEqualTo(Json.parse(
        "{\"id\":\"gold\",\"name\":\"Gold\",\"banner\":\"20% off\",\"description\":\"For our best\"}"));
    assertThat(created.path("tiers").get(1).path("id").asText()).startsWith("tier_");
  }

  @Test
  void aCampaignADistributionUsesIsNotDeleted() {
    String id = ok(201, call("POST", "/v1/campaigns", WELCOME)).path("id").asText();
    String distribution = ok(201, call("POST", "/v1/distributions", "{\"name\":\"Welcome code\","
        + "\"trigger\":{\"type\":\"customer.custom_event\",\"filters\":{\"event\":\"signed_up\"}},"
        + "\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"publish_code\",\"campaign_id\":\"" + id
        + "\"},\"channels\":[{\"type\":\"sms\",\"text\":\"Your code\"}]}")).path("id").asText();

    assertError(call("DELETE", "/v1/campaigns/" + id, null), 409, "campaign_in_use", null);
    assertThat(call("GET", "/v1/campaigns/" + id, null).getStatusCode()).isEqualTo(200);
    assertThat(call("DELETE", "/v1/distributions/" + distribution, null).getStatusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/v1/campaigns/" + id, null).getStatusCode()).isEqualTo(204);
  }

  @Test
  void aPromotionANotifyPromotionNamesIsNotDeletedAndItsTierMustExist() {
    String id = ok(201, call("POST", "/v1/campaigns", "{\"name\":\"Summer\",\"type\":\"PROMOTION\",\"tiers\":["
        + "{\"id\":\"gold\",\"name\":\"Gold\"}]}")).path("id").asText();
    String body = "{\"name\":\"Summer sale\",\"trigger\":{\"type\":\"customer.custom_event\",\"filters\":"
        + "{\"event\":\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":"
        + "\"notify_promotion\",\"campaign_id\":\"" + id + "\",\"promotion_tier_id\":\"TIER\"},\"channels\":"
        + "[{\"type\":\"sms\",\"text\":\"{{promotion_tier.name}}: {{promotion_tier.description}}\"}]}";
    assertError(call("POST", "/v1/distributions", body.replace("TIER", "silver")), 400, "unknown_promotion_tier",
        "action.promotion_tier_id");
    assertError(call("POST", "/v1/distributions", body.replace(",\"campaign_id\":\"" + id + "\"", "")), 400,
        "missing_field", "action.campaign_id");
    String distribution = ok(201, call("POST", "/v1/distributions", body.replace("TIER", "gold"))).path("id").asText();

    assertError(call("DELETE", "/v1/campaigns/" + id, null), 409, "campaign_in_use", null);
    assertThat(call("DELETE", "/v1/distributions/" + distribution, null).getStatusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/v1/campaigns/" + id, null).getStatusCode()).isEqualTo(204);
  }

  @Test
  void badInputIsRefusedWithItsFieldAndCreatesNothing() {
    var before = api.items("CAMPAIGNS_TABLE");
    Map<String, String> refused = Map.ofEntries(
        Map.entry("{\"type\":\"PROMOTION\"}", "name"),
        Map.entry("{\"name\":\"x\",\"type\":\"COUPONS\"}", "type"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"code_config\":{\"charset\":\"\"}}", "code_config.charset"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"code_config\":{\"charset\":\"A B\"}}", "code_config.charset"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"code_config\":{\"length\":0}}", "code_config.length"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"code_config\":{\"size\":3}}", "code_config.size"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"start_date\":\"2026-02-01\"}", "start_date"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"start_date\":\"2026-02-01T00:00:00Z\","
            + "\"expiration_date\":\"2026-01-01T00:00:00Z\"}", "expiration_date"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"join_once\":\"yes\"}", "join_once"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"expiration_after_publish_days\":0}",
            "expiration_after_publish_days"),
        Map.entry("{\"name\":\"x\",\"type\":\"GIFT_VOUCHERS\",\"tiers\":[{\"name\":\"Gold\"}]}", "tiers"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"tiers\":[{\"name\":\"\"}]}", "tiers[0].name"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"tiers\":[{\"id\":\"a\",\"name\":\"A\"},"
            + "{\"id\":\"a\",\"name\":\"B\"}]}", "tiers[1].id"),
        Map.entry("{\"name\":\"x\",\"type\":\"PROMOTION\",\"owner\":\"me\"}", "owner"));
    refused.forEach((body, field) -> {
      APIGatewayV2HTTPResponse response = call("POST", "/v1/campaigns", body);
      assertThat(response.getStatusCode()).as(body + " -> " + response.getBody()).isEqualTo(400);
      assertThat(Json.parse(response.getBody()).path("field").asText()).as(body).isEqualTo(field);
    });
    api.assertUnchanged("CAMPAIGNS_TABLE", before, "refused campaigns");
    assertError(call("GET", "/v1/campaigns/" + "x".repeat(5000), null), 404, "not_found", "id");
    assertError(call("GET", "/v1/campaigns?cursor=bm9wZQ", null), 400, "invalid_cursor", "cursor");
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body) {
    return api.call(method, pathAndQuery, body, Map.of());
  }

  private static JsonNode ok(int status, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
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
