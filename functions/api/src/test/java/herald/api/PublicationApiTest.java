package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbCampaigns;
import herald.adapters.dynamodb.DynamoDbCodes;
import herald.adapters.dynamodb.DynamoDbPublications;
import herald.domain.campaigns.Codes.Taken;
import herald.domain.campaigns.Publication;
import herald.domain.common.Ids;
import herald.platform.Json;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publications through the api function on dynalite, every response checked against the OpenAPI document. */
class PublicationApiTest {
  private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
  private StandInApi api;
  private DynamoDbCodes codes;
  private DynamoDbPublications publications;

  @BeforeEach
  void freshStandIns() {
    api = new StandInApi();
    codes = new DynamoDbCodes(StandIns.dynamo(api.env), api.env.get("CODES_TABLE"));
    publications = new DynamoDbPublications(StandIns.dynamo(api.env), api.env.get("PUBLICATIONS_TABLE"));
  }

  @AfterEach
  void stopBus() {
    api.close();
  }

  @Test
  void aSourceIdPublishesOneCodeHoweverOftenItIsRetriedAndPutsTheEventOnTheBusOnce() {
    String campaign = campaign("{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\",\"expiration_after_publish_days\":30}",
        "A1", "A2", "A3");
    String body = "{\"campaign_id\":\"" + campaign + "\",\"customer\":{\"source_id\":\"ada\",\"name\":\"Ada\"},"
        + "\"source_id\":\"welcome-ada-1\",\"metadata\":{\"why\":\"signup\"}}";
    JsonNode first = ok(201, api.call("POST", "/v1/publications", body));
    assertThat(first.path("id").asText()).matches("pub_[0-9a-f]{32}");
    assertThat(first.path("campaign_id").asText()).isEqualTo(campaign);
    assertThat(first.path("customer_id").asText()).startsWith("cust_");
    assertThat(first.path("source_id").asText()).isEqualTo("welcome-ada-1");
    assertThat(first.path("channel").asText()).isEqualTo("API");
    assertThat(first.path("metadata")).isEqualTo(Json.parse("{\"why\":\"signup\"}"));
    String code = first.path("voucher").path("code").asText();
    assertThat(code).isIn("A1", "A2", "A3");
    assertThat(Instant.parse(first.path("voucher").path("expiration_date").asText()))
        .isEqualTo(Instant.parse(first.path("created_at").asText()).plusSeconds(30L * 86_400));

    for (int i = 0; i < 3; i++) assertThat(ok(200, api.call("POST", "/v1/publications", body))).isEqualTo(first);
    assertThat(ok(200, api.call("GET", "/v1/campaigns/" + campaign, null)).path("codes"))
        .isEqualTo(Json.parse("{\"total\":3,\"published\":1,\"available\":2}"));

    assertThat(api.bus.entries()).hasSize(1);
    JsonNode entry = api.bus.entries().get(0);
    assertThat(entry.path("DetailType").asText()).isEqualTo("customer.publication.succeeded");
    JsonNode detail = Json.parse(entry.path("Detail").asText());
    assertThat(detail.path("customer").path("id").asText()).isEqualTo(first.path("customer_id").asText());
    assertThat(detail.path("data").path("campaign").path("id").asText()).isEqualTo(campaign);
    assertThat(detail.path("data").path("campaign").path("name").asText()).isEqualTo("Welcome");
    assertThat(detail.path("data").path("voucher").path("code").asText()).isEqualTo(code);
    assertThat(detail.path("data").path("publication").path("id").asText()).isEqualTo(first.path("id").asText());

    JsonNode second = ok(201, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer_id\":\"" + first.path("customer_id").asText() + "\",\"channel\":\"email\"}"));
    assertThat(second.path("voucher").path("code").asText()).isNotEqualTo(code);
    assertThat(second.path("source_id").isNull()).isTrue();
    for (String filter : List.of("campaign_id=" + campaign, "customer_id=" + first.path("customer_id").asText())) {
      JsonNode page = ok(200, api.call("GET", "/v1/publications?limit=1&" + filter, null));
      assertThat(page.path("data").findValuesAsText("id")).as(filter).containsExactly(second.path("id").asText());
      JsonNode next = ok(200, api.call("GET", "/v1/publications?limit=1&" + filter + "&cursor="
          + page.path("next_cursor").asText(), null));
      assertThat(next.path("data").get(0)).as(filter).isEqualTo(first);
      assertThat(next.path("next_cursor").isNull()).isTrue();
    }
    assertThat(ok(200, api.call("GET", "/v1/publications?source_id=welcome-ada-1", null)).path("data").get(0))
        .isEqualTo(first);
    assertThat(ok(200, api.call("GET", "/v1/publications", null)).path("data").findValuesAsText("id"))
        .containsExactlyInAnyOrder(first.path("id").asText(), second.path("id").asText());
    assertError(api.call("POST", "/v1/publications", body.replace("\"ada\"", "\"bob\"")), 409, "source_id_in_use");
  }

  @Test
  void underJoinOnceASecondPublicationForTheCustomerReturnsTheFirst() {
    String campaign = campaign("{\"name\":\"Once\",\"type\":\"GIFT_VOUCHERS\",\"join_once\":true}", "G1", "G2");
    JsonNode first = ok(201, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer\":{\"source_id\":\"ada\"},\"source_id\":\"one\"}"));
    JsonNode again = ok(200, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer_id\":\"" + first.path("customer_id").asText() + "\",\"source_id\":\"two\"}"));
    assertThat(again).isEqualTo(first);
    assertThat(ok(201, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer\":{\"source_id\":\"bob\"}}")).path("voucher").path("code").asText())
        .isNotEqualTo(first.path("voucher").path("code").asText());
  }

  @Test
  void anEmptyPoolIsAConflictAndLeavesNoPublication() {
    String campaign = campaign("{\"name\":\"Small\",\"type\":\"DISCOUNT_VOUCHERS\"}", "ONLY");
    ok(201, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign + "\",\"customer\":{\"source_id\":\"a\"}}"));
    assertError(api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer\":{\"source_id\":\"b\"},\"source_id\":\"b-1\"}"), 409, "code_pool_exhausted");
    assertThat(api.count("PUBLICATIONS_TABLE")).isEqualTo(1);
    assertThat(api.bus.entries()).hasSize(1);
  }

  @Test
  void aPublicationLeftPendingByACrashIsFinishedByItsRetry() {
    String campaign = campaign("{\"name\":\"Crash\",\"type\":\"DISCOUNT_VOUCHERS\"}", "C1", "C2", "C3");
    String customer = ok(200, api.call("POST", "/v1/customers", "{\"source_id\":\"ada\"}")).path("id").asText();
    String id = Ids.derived(Publication.PREFIX, campaign, "source", "retry-me");
    // crashed after claiming C2: the retry keeps C2 and counts it published once
    publications.createPending(new Publication(id, campaign, customer, "retry-me", "API", Map.of(), "C2", null, T,
        false));
    assertThat(codes.take(campaign, "C2", id, customer, T)).isEqualTo(Taken.FRESH);
    JsonNode done = ok(201, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign + "\",\"customer_id\":\""
        + customer + "\",\"source_id\":\"retry-me\"}"));
    assertThat(done.path("voucher").path("code").asText()).isEqualTo("C2");
    assertThat(done.path("created_at").asText()).isEqualTo(T.toString());

    // crashed after naming C3, which another publication took first: the retry takes another code
    String other = Ids.derived(Publication.PREFIX, campaign, "source", "lost-race");
    publications.createPending(new Publication(other, campaign, customer, "lost-race", "API", Map.of(), "C3", null, T,
        false));
    assertThat(codes.take(campaign, "C3", "pub_someone_else", "cust_x", T)).isEqualTo(Taken.FRESH);
    JsonNode retried = ok(201, api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer_id\":\"" + customer + "\",\"source_id\":\"lost-race\"}"));
    assertThat(retried.path("voucher").path("code").asText()).isEqualTo("C1");
    assertThat(publications.get(other).orElseThrow().code()).isEqualTo("C1");
  }

  @Test
  void badInputIsRefusedWithItsFieldAndCreatesNothing() {
    String expired = campaign("{\"name\":\"Old\",\"type\":\"DISCOUNT_VOUCHERS\",\"start_date\":\"2020-01-01T00:00:00Z\","
        + "\"expiration_date\":\"2021-01-01T00:00:00Z\"}", "E1");
    String future = campaign("{\"name\":\"Later\",\"type\":\"DISCOUNT_VOUCHERS\",\"start_date\":\"2090-01-01T00:00:00Z\"}",
        "F1");
    String live = campaign("{\"name\":\"Live\",\"type\":\"DISCOUNT_VOUCHERS\"}", "L1");
    var publicationsBefore = api.items("PUBLICATIONS_TABLE");
    var codesBefore = api.items("CODES_TABLE");
    var customersBefore = api.items("CUSTOMERS_TABLE");
    String ada = ",\"customer\":{\"source_id\":\"ada\"}";
    Map<String, String> refused = Map.ofEntries(
        Map.entry("{\"campaign_id\":\"camp_" + "0".repeat(32) + "\"" + ada + "}", "unknown_campaign campaign_id"),
        Map.entry("{\"campaign_id\":\"" + "x".repeat(3000) + "\"" + ada + "}", "unknown_campaign campaign_id"),
        Map.entry("{\"campaign_id\":\"" + expired + "\"" + ada + "}", "campaign_expired campaign_id"),
        Map.entry("{\"campaign_id\":\"" + future + "\"" + ada + "}", "campaign_not_started campaign_id"),
        Map.entry("{\"campaign_id\":\"" + live + "\",\"customer_id\":\"cust_" + "1".repeat(32) + "\"}",
            "unknown_customer customer_id"),
        Map.entry("{\"campaign_id\":\"" + live + "\",\"customer_id\":\"nope\"}", "unknown_customer customer_id"),
        Map.entry("{\"campaign_id\":\"" + live + "\"}", "missing_field customer"),
        Map.entry("{\"campaign_id\":\"" + live + "\",\"customer_id\":\"cust_1\"" + ada + "}", "invalid_value customer"),
        Map.entry("{\"campaign_id\":\"" + live + "\"" + ada + ",\"source_id\":\"" + "s".repeat(201) + "\"}",
            "too_long source_id"),
        Map.entry("{\"campaign_id\":\"" + live + "\"" + ada + ",\"channel\":\"a b\"}", "invalid_value channel"),
        Map.entry("{\"campaign_id\":\"" + live + "\"" + ada + ",\"metadata\":[1]}", "invalid_type metadata"),
        Map.entry("{\"campaign_id\":\"" + live + "\",\"customer\":{\"name\":\"x\"}}", "missing_field customer.source_id"),
        Map.entry("{\"campaign_id\":\"" + live + "\"" + ada + ",\"code\":\"L1\"}", "unknown_field code"));
    refused.forEach((body, expected) -> {
      APIGatewayV2HTTPResponse response = api.call("POST", "/v1/publications", body);
      assertThat(response.getStatusCode()).as(body + " -> " + response.getBody()).isEqualTo(400);
      JsonNode error = Json.parse(response.getBody());
      assertThat(error.path("code").asText() + " " + error.path("field").asText()).as(body).isEqualTo(expected);
    });
    api.assertUnchanged("PUBLICATIONS_TABLE", publicationsBefore, "refused publications");
    api.assertUnchanged("CODES_TABLE", codesBefore, "refused publications");
    api.assertUnchanged("CUSTOMERS_TABLE", customersBefore, "refused publications");
    assertThat(api.bus.entries()).isEmpty();
    assertError(api.call("GET", "/v1/publications?campaign_id=" + live + "&cursor=bm9wZQ", null), 400, "invalid_cursor");
    assertError(api.call("GET", "/v1/publications?source_id=" + "s".repeat(201), null), 400, "too_long");
  }

  /** A campaign holding these codes, added as a generation would. */
  private String campaign(String body, String... codesToAdd) {
    String id = ok(201, api.call("POST", "/v1/campaigns", body)).path("id").asText();
    codes.add(id, List.of(codesToAdd), "act_test#0", T);
    new DynamoDbCampaigns(StandIns.dynamo(api.env), api.env.get("CAMPAIGNS_TABLE")).count(id, codesToAdd.length, 0);
    return id;
  }

  private static JsonNode ok(int status, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return Json.parse(response.getBody());
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(Json.parse(response.getBody()).path("code").asText()).isEqualTo(code);
  }
}
