package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import herald.domain.events.EventCatalogue;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.CatalogueCheck;
import herald.testing.StandIns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every route, a happy path and the errors it gives, through the handler; every response is checked
 * against the OpenAPI document (status documented, body fits its schema, no write-only secret shown).
 * POST /v1/events is exercised only where it fails before the bus (there is no bus stand-in here).
 */
class ApiConformanceTest {
  private static final String KEY = "herald-local-key";
  private static OpenApiResponses openApi;
  private Env env;
  private ApiHandler api;

  @BeforeAll
  static void document() {
    openApi = OpenApiResponses.of(OpenApiDoc.read());
  }

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", KEY).with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
  }

  @Test
  void healthAndTheDocumentNeedNoKey() {
    assertThat(Json.parse(sendAs("GET", "/v1/health", null, null).getBody()).path("status").asText()).isEqualTo("ok");
    APIGatewayV2HTTPResponse document = sendAs("GET", "/v1/openapi.json", null, null);
    assertThat(document.getStatusCode()).isEqualTo(200);
    assertThat(Json.parse(document.getBody()).path("openapi").asText()).isEqualTo("3.1.0");
    expect(401, "unauthorized", sendAs("GET", "/v1/events/catalogue", null, null));
    expect(401, "unauthorized", sendAs("GET", "/v1/distributions", null, "Bearer nope"));
  }

  @Test
  void brandSettings() {
    expect(404, "not_found", get("/v1/settings/brand"));
    expect(400, "invalid_email", send("PUT", "/v1/settings/brand",
        "{\"sender_name\":\"Acme\",\"sender_email\":\"nope\",\"postal_address\":\"1 Market St\"}"));
    expect(400, "malformed_json", send("PUT", "/v1/settings/brand", "{\"sender_name\":"));
    expect(413, "body_too_large", send("PUT", "/v1/settings/brand", "{\"x\":\"" + "x".repeat(300 * 1024) + "\"}"));
    call("PUT", "/v1/settings/brand",
        "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\",\"postal_address\":\"1 Market St\"}");
    assertThat(call("GET", "/v1/settings/brand", null).path("sender_name").asText()).isEqualTo("Acme");
  }

  @Test
  void accountSettingsSetThePlanAndRatesAndShowTheUsage() {
    JsonNode account = call("GET", "/v1/settings/account", null);
    assertThat(account.path("plan").asText()).isEqualTo("paid");   // the tests' default (HERALD_DEFAULT_PLAN)
    assertThat(account.path("usage").path("today").path("sent").asLong()).isZero();
    assertThat(account.path("usage").path("total").path("limit").isNull()).isTrue();

    expect(400, "invalid_value", "plan", send("PUT", "/v1/settings/account", "{\"plan\":\"gold\"}"));
    expect(400, "invalid_type", "plan", send("PUT", "/v1/settings/account", "{\"plan\":3}"));
    expect(400, "missing_field", "plan", send("PUT", "/v1/settings/account", "{}"));
    expect(400, "unknown_field", "colour", send("PUT", "/v1/settings/account", "{\"colour\":\"red\"}"));
    expect(400, "invalid_value", "send_rates.pigeon",
        send("PUT", "/v1/settings/account", "{\"send_rates\":{\"pigeon\":3}}"));
    expect(400, "invalid_value", "send_rates.email",
        send("PUT", "/v1/settings/account", "{\"plan\":\"trial\",\"send_rates\":{\"email\":0}}"));
    expect(400, "invalid_type", "send_rates.sms",
        send("PUT", "/v1/settings/account", "{\"send_rates\":{\"sms\":1.5}}"));
    assertThat(call("GET", "/v1/settings/account", null).path("plan").asText()).as("refused: nothing changed")
        .isEqualTo("paid");

    JsonNode trial = call("PUT", "/v1/settings/account", "{\"plan\":\"trial\",\"send_rates\":{\"sms\":5}}");
    assertThat(trial.path("plan").asText()).isEqualTo("trial");
    assertThat(trial.path("send_rates").path("sms").asInt()).isEqualTo(5);
    assertThat(trial.path("usage").path("total").path("limit").asLong()).isEqualTo(10);
    assertThat(trial.path("usage").path("total").path("left").asLong()).isEqualTo(10);
    assertThat(trial.path("usage").path("today").path("limit").isNull()).isTrue();

    JsonNode verified = call("POST", "/v1/settings/account/verify", null);
    assertThat(verified.path("plan").asText()).isEqualTo("trial_verified");
    assertThat(verified.path("send_rates").path("sms").asInt()).as("kept").isEqualTo(5);
    assertThat(verified.path("usage").path("today").path("limit").asLong()).isEqualTo(10);
    assertThat(verified.path("usage").path("this_month").path("limit").asLong()).isEqualTo(100);

    call("PUT", "/v1/settings/account", "{\"plan\":\"paid\"}");
    expect(409, "invalid_transition", send("POST", "/v1/settings/account/verify", null));
  }

  @Test
  void activatingAnEmailDistributionWithoutBrandDetailsWarns() {
    String id = call("POST", "/v1/distributions", automatic()).path("id").asText();

    JsonNode active = call("POST", "/v1/distributions/" + id + "/activate", null);

    assertThat(active.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(active.path("warnings")).hasSize(1);
    assertThat(active.path("warnings").get(0).path("code").asText()).isEqualTo("missing_brand_details");
    assertThat(active.path("warnings").get(0).path("channel").asText()).isEqualTo("email");
    call("POST", "/v1/distributions/" + id + "/pause", null);
    call("PUT", "/v1/settings/brand",
        "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\",\"postal_address\":\"1 Market St\"}");
    assertThat(call("POST", "/v1/distributions/" + id + "/activate", null).path("warnings")).isEmpty();
  }

  @Test
  void customers() {
    String id = call("POST", "/v1/customers", "{\"source_id\":\"ada-1\",\"name\":\"Ada\",\"email\":\"ada@example.com\","
        + "\"metadata\":{\"plan\":\"gold\"}}").path("id").asText();
    assertThat(call("GET", "/v1/customers/" + id, null).path("source_id").asText()).isEqualTo("ada-1");
    expect(400, "invalid_email", send("POST", "/v1/customers", "{\"source_id\":\"x\",\"email\":\"nope\"}"));
    expect(400, "unknown_field", send("POST", "/v1/customers", "{\"source_id\":\"x\",\"colour\":\"red\"}"));
    expect(404, "not_found", get("/v1/customers/cus_missing"));
  }

  @Test
  void distributionsFromCreationToDeletion() {
    JsonNode created = call("POST", "/v1/distributions", automatic());
    String id = created.path("id").asText();
    assertThat(created.path("channels").get(2).path("secret_set").asBoolean()).isTrue();
    assertThat(created.path("channels").get(2).has("secret")).isFalse();

    assertThat(call("GET", "/v1/distributions", null).path("data").size()).isEqualTo(1);
    assertThat(call("GET", "/v1/distributions?status=DRAFT&trigger=customer.order.paid&limit=5", null)
        .path("data").size()).isEqualTo(1);
    call("GET", "/v1/distributions/catalogue", null);
    call("GET", "/v1/distributions/" + id, null);

    JsonNode edited = call("PUT", "/v1/distributions/" + id, automatic().replace("\"Paid\"", "\"Paid, edited\""),
        Map.of("if-match", "\"1\""));
    assertThat(edited.path("version").asLong()).isEqualTo(2);
    expect(409, "version_conflict", send("PUT", "/v1/distributions/" + id, automatic(), Map.of("if-match", "\"1\"")));
    expect(400, "missing_field", send("PUT", "/v1/distributions/" + id, automatic()));

    expect(409, "invalid_transition", send("POST", "/v1/distributions/" + id + "/pause", null));
    assertThat(call("POST", "/v1/distributions/" + id + "/activate", null).path("status").asText()).isEqualTo("ACTIVE");
    expect(409, "not_deletable", send("DELETE", "/v1/distributions/" + id, null));
    assertThat(call("POST", "/v1/distributions/" + id + "/pause", null).path("status").asText()).isEqualTo("PAUSED");
    expect(409, "invalid_transition", send("POST", "/v1/distributions/" + id + "/send", null));
    expect(409, "invalid_transition", send("POST", "/v1/distributions/" + id + "/stop", null));
    assertThat(call("POST", "/v1/distributions/" + id + "/archive", null).path("status").asText()).isEqualTo("ARCHIVED");
    expect(409, "invalid_transition", send("POST", "/v1/distributions/" + id + "/activate", null));

    JsonNode activity = call("GET", "/v1/distributions/" + id + "/activity", null);
    assertThat(activity.path("data").size()).isGreaterThanOrEqualTo(5);
    assertThat(call("GET", "/v1/distributions/" + id + "/messages", null).path("data").size()).isZero();

    send("DELETE", "/v1/distributions/" + id, null, Map.of());
    assertThat(send("DELETE", "/v1/distributions/" + id, null, Map.of()).getStatusCode()).isEqualTo(404);
  }

  @Test
  void everyTriggerAudienceActionAndChannelVariantTheApiWritesFitsTheDocument() {
    String braze = integration("braze", "{\"api_key\":\"braze-key-1\",\"rest_endpoint\":\"https://rest.iad-01.braze.com\"}");
    String mailchimp = integration("mailchimp", "{\"api_key\":\"0123456789abcdef0123456789abcdef-us21\"}");
    String klaviyo = integration("klaviyo", "{\"private_api_key\":\"pk_abcdef01\"}");
    String intercom = integration("intercom", "{\"access_token\":\"tok\",\"region\":\"eu\"}");
    String allChannels = "[{\"type\":\"email\",\"subject\":\"Hi\",\"text\":\"Hi {{customer.name}}\"},"
        + "{\"type\":\"sms\",\"text\":\"Hi\",\"sms_type\":\"transactional\",\"sender_id\":\"Acme\"},"
        + "{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/h\",\"secret\":\"whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3\","
        + "\"headers\":{\"X-Team\":\"growth\"},\"payload\":{\"type\":\"custom\",\"body\":{\"who\":\"{{customer.id}}\","
        + "\"n\":[1,true,null]}}},"
        + "{\"type\":\"braze\",\"integration_id\":\"" + braze + "\","
        + "\"external_id_field\":\"id\",\"attributes\":{\"plan\":\"{{customer.metadata.plan}}\"}},"
        + "{\"type\":\"mailchimp\",\"integration_id\":\"" + mailchimp + "\",\"audience_id\":\"a1b2\","
        + "\"merge_fields\":{\"FNAME\":\"{{customer.name}}\"},\"tags\":[\"vip\"]},"
        + "{\"type\":\"klaviyo\",\"integration_id\":\"" + klaviyo + "\",\"metric\":\"Herald\",\"properties\":{\"p\":\"x\"}},"
        + "{\"type\":\"intercom\",\"integration_id\":\"" + intercom + "\"}]";
    String vip = call("POST", "/v1/segments", "{\"name\":\"VIP\",\"type\":\"static\"}").path("id").asText();
    String welcome = call("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\"}")
        .path("id").asText();
    String summer = call("POST", "/v1/campaigns", "{\"name\":\"Summer\",\"type\":\"PROMOTION\",\"tiers\":"
        + "[{\"id\":\"promo_1\",\"name\":\"Gold\"}]}").path("id").asText();
    String[][] variants = {
        {"{\"type\":\"customer.segment.entered\",\"filters\":{\"segment_id\":\"" + vip
            + "\",\"include_existing_members\":true}}",
            "{\"type\":\"event_customer\"}", "{\"type\":\"publish_code\",\"campaign_id\":\"" + welcome + "\"}"},
        {"{\"type\":\"customer.segment.left\",\"filters\":{\"segment_id\":\"" + vip + "\"}}",
            "{\"type\":\"segment\",\"segment_id\":\"" + vip + "\"}",
            "{\"type\":\"notify_promotion\",\"campaign_id\":\"" + summer + "\",\"promotion_tier_id\":\"promo_1\"}"},
        {"{\"type\":\"customer.custom_event\",\"filters\":{\"event\":\"signed_up\"},\"pattern\":{\"plan\":[\"gold\"]}}",
            "{\"type\":\"event_customer\"}", "{\"type\":\"plain_message\"}"},
        {"{\"type\":\"customer.loyalty.tier.upgraded\",\"filters\":{\"tier_id\":\"ltr_gold\",\"campaign_id\":\"camp_l\"}}",
            "{\"type\":\"event_customer\"}", "{\"type\":\"plain_message\"}"},
        {"{\"type\":\"customer.voucher.gift.balance_added\",\"filters\":{\"campaign_id\":\"camp_g\"}}",
            "{\"type\":\"event_customer\"}", "{\"type\":\"gift_credits\"}"},
        {"{\"type\":\"customer.rewarded.loyalty_points\"}", "{\"type\":\"event_customer\"}", "{\"type\":\"loyalty_points\"}"},
        {"{\"type\":\"customer.reward_redemptions.completed\"}", "{\"type\":\"event_customer\"}",
            "{\"type\":\"reward_details\"}"},
        {"{\"type\":\"customer.publication.succeeded\"}", "{\"type\":\"event_customer\"}", "{\"type\":\"published_code\"}"},
        {"{\"type\":\"manual\"}", "{\"type\":\"customer\",\"customer_id\":\"cus_1\"}", "{\"type\":\"plain_message\"}"}};
    for (String[] v : variants) {
      String id = call("POST", "/v1/distributions", "{\"name\":\"v\",\"description\":\"every variant\",\"trigger\":" + v[0]
          + ",\"audience\":" + v[1] + ",\"action\":" + v[2] + ",\"channels\":" + allChannels + "}").path("id").asText();
      call("GET", "/v1/distributions/" + id, null);
    }
    assertThat(call("GET", "/v1/distributions?limit=100", null).path("data")).hasSize(variants.length);
  }

  private String integration(String tool, String credentials) {
    return call("POST", "/v1/integrations", "{\"tool\":\"" + tool + "\",\"name\":\"" + tool + "\",\"credentials\":"
        + credentials + "}").path("id").asText();
  }

  @Test
  void distributionErrors() {
    expect(400, "unknown_field", send("POST", "/v1/distributions", automatic().replace("\"name\"", "\"colour\":1,\"name\"")));
    expect(422, "incompatible_action", send("POST", "/v1/distributions",
        automatic().replace("\"plain_message\"", "\"gift_credits\"")));
    expect(400, "unknown_segment", "audience.segment_id", send("POST", "/v1/distributions", automatic().replace(
        "{\"type\":\"event_customer\"}", "{\"type\":\"segment\",\"segment_id\":\"seg_missing\"}")));
    expect(400, "unknown_campaign", "action.campaign_id", send("POST", "/v1/distributions", automatic().replace(
        "{\"type\":\"plain_message\"}", "{\"type\":\"publish_code\",\"campaign_id\":\"camp_missing\"}")));
    String vip = call("POST", "/v1/segments", "{\"name\":\"VIP\",\"type\":\"static\"}").path("id").asText();
    expect(422, "incompatible_include_existing_members", "trigger.filters.include_existing_members",
        send("POST", "/v1/distributions", automatic().replace("{\"type\":\"customer.order.paid\"}",
            "{\"type\":\"customer.segment.entered\",\"filters\":{\"segment_id\":\"" + vip
            + "\",\"include_existing_members\":true}}").replace("{\"type\":\"event_customer\"}",
            "{\"type\":\"segment\",\"segment_id\":\"" + vip + "\"}").replace("Order {{order.id}}", "Hi")
            .replace("Thanks for order {{order.id}}", "Hi")));
    expect(400, "invalid_value", send("GET", "/v1/distributions?status=SLEEPING", null));
    expect(400, "invalid_value", send("GET", "/v1/distributions?limit=0", null));
    for (String path : new String[] {"", "/activate", "/pause", "/archive", "/send", "/stop", "/messages", "/activity"}) {
      String method = path.isEmpty() || path.equals("/messages") || path.equals("/activity") ? "GET" : "POST";
      expect(404, "not_found", send(method, "/v1/distributions/dist_missing" + path, null));
    }
    expect(404, "not_found", send("PUT", "/v1/distributions/dist_missing", automatic(), Map.of("if-match", "\"1\"")));
    expect(404, "not_found", send("POST", "/v1/distributions/dist_missing/preview", "{\"customer_id\":\"c\"}"));
    String id = call("POST", "/v1/distributions", automatic()).path("id").asText();
    expect(400, "invalid_cursor", send("GET", "/v1/distributions/" + id + "/messages?cursor=garbage", null));
  }

  @Test
  void manualDistributionsAreConfirmedSentAndStopped() {
    String customer = call("POST", "/v1/customers", "{\"source_id\":\"ada-1\",\"email\":\"ada@example.com\"}")
        .path("id").asText();
    String manual = "{\"name\":\"Once\",\"trigger\":{\"type\":\"manual\"},\"audience\":{\"type\":\"customer\","
        + "\"customer_id\":\"" + customer + "\"},\"action\":{\"type\":\"plain_message\"},"
        + "\"channels\":[{\"type\":\"email\",\"subject\":\"Hi\",\"text\":\"Hello {{customer.name}}\"}]}";
    String id = call("POST", "/v1/distributions", manual).path("id").asText();
    expect(409, "invalid_transition", send("POST", "/v1/distributions/" + id + "/activate", null));
    JsonNode dryRun = call("POST", "/v1/distributions/" + id + "/send", null);
    assertThat(dryRun.path("audience_size").asInt()).isEqualTo(1);
    String token = dryRun.path("confirmation_token").asText();
    expect(400, "invalid_value", send("POST", "/v1/distributions/" + id + "/send", "{\"confirmation_token\":\""
        + token + "\",\"send_at\":\"tomorrow\"}"));
    expect(400, "unknown_field", send("POST", "/v1/distributions/" + id + "/send", "{\"token\":\"" + token + "\"}"));
    expect(409, "confirmation_token_invalid", send("POST", "/v1/distributions/" + id + "/send",
        "{\"confirmation_token\":\"1.forged\"}"));
    JsonNode scheduled = call("POST", "/v1/distributions/" + id + "/send", "{\"confirmation_token\":\"" + token + "\"}");
    assertThat(scheduled.path("status").asText()).isEqualTo("SCHEDULED");
    assertThat(scheduled.path("send_at").asText()).isNotEmpty();
    assertThat(call("POST", "/v1/distributions/" + id + "/stop", null).path("status").asText()).isEqualTo("STOPPED");
    expect(409, "invalid_transition", send("POST", "/v1/distributions/" + id + "/send", null));
  }

  @Test
  void previewRendersEveryChannelForACustomer() {
    String customer = call("POST", "/v1/customers", "{\"source_id\":\"ada-1\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}")
        .path("id").asText();
    String id = call("POST", "/v1/distributions", automatic()).path("id").asText();

    JsonNode preview = call("POST", "/v1/distributions/" + id + "/preview", "{\"customer_id\":\"" + customer + "\"}");
    assertThat(preview.path("channels").path("email").path("subject").asText()).isEqualTo("Paid, Ada");
    call("POST", "/v1/distributions/" + id + "/preview", "{\"customer_id\":\"" + customer + "\",\"event\":{\"type\":"
        + "\"customer.order.paid\",\"data\":" + sample("customer.order.paid") + "}}");
    expect(404, "not_found", send("POST", "/v1/distributions/" + id + "/preview", "{\"customer_id\":\"cus_missing\"}"));
    expect(400, "missing_field", send("POST", "/v1/distributions/" + id + "/preview", "{}"));
  }

  @Test
  void theEventCatalogueListsEveryTypeWithItsSchema() {
    JsonNode catalogue = call("GET", "/v1/events/catalogue", null);
    List<String> types = new ArrayList<>();
    catalogue.path("data").forEach(entry -> types.add(entry.path("type").asText()));
    CatalogueCheck.same("GET /v1/events/catalogue", EventCatalogue.TYPES, types);
    assertThat(catalogue.path("data").get(0).path("type").asText()).isEqualTo("customer.segment.entered");
    assertThat(catalogue.path("data").get(0).path("schema").path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void eventDataThatDoesNotFitItsSchemaIsRefusedWithTheFieldAndNothingIsStoredOrPut() {
    expect(400, "invalid_event_data", "data.order.amount", send("POST", "/v1/events", "{\"event\":\"customer.order.paid\","
        + "\"customer\":{\"source_id\":\"ada-1\"},\"data\":{\"order\":{\"id\":\"o-1\",\"amount\":\"12.90\"}},\"id\":\"k-1\"}"));
    expect(400, "invalid_event_data", "data.segment", send("POST", "/v1/events",
        "{\"event\":\"customer.segment.entered\",\"customer\":{\"source_id\":\"ada-1\"},\"data\":{}}"));
    expect(400, "invalid_event_data", "data.tier.id", send("POST", "/v1/events",
        "{\"event\":\"customer.loyalty.tier.upgraded\",\"customer\":{\"source_id\":\"ada-1\"},\"data\":{\"tier\":{\"name\":\"Gold\"}}}"));
    expect(400, "missing_field", send("POST", "/v1/events", "{\"event\":\"signed_up\"}"));
    expect(413, "body_too_large", send("POST", "/v1/events", "{\"x\":\"" + "x".repeat(300 * 1024) + "\"}"));

    // Refused before anything is stored: no bus endpoint exists here, so reaching the bus would have been a 500.
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("EVENT_KEYS_TABLE"))).count()).isZero();
  }

  @Test
  void apiKeys() {
    JsonNode issued = call("POST", "/v1/api-keys", "{\"name\":\"ci\"}");
    assertThat(issued.path("key").asText()).startsWith("hk_");
    JsonNode list = call("GET", "/v1/api-keys", null);
    assertThat(list.path("data").get(0).has("key")).isFalse();
    expect(400, "unknown_field", send("POST", "/v1/api-keys", "{\"name\":\"ci\",\"scope\":\"all\"}"));

    send("DELETE", "/v1/api-keys/" + issued.path("id").asText(), null, Map.of());
    expect(403, "key_revoked", sendAs("GET", "/v1/api-keys", null, "Bearer " + issued.path("key").asText()));
    expect(404, "not_found", send("DELETE", "/v1/api-keys/key_" + "0".repeat(32), null));
  }

  private static String automatic() {
    return "{\"name\":\"Paid\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":\"event_customer\"},"
        + "\"action\":{\"type\":\"plain_message\"},\"channels\":["
        + "{\"type\":\"email\",\"subject\":\"Paid, {{customer.name}}\",\"html\":\"<p>Order {{order.id}}</p>\"},"
        + "{\"type\":\"sms\",\"text\":\"Thanks for order {{order.id}}\"},"
        + "{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/herald\",\"secret\":\"whsec_YXBpLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=\"}]}";
  }

  private static String sample(String type) {
    try (var in = ApiConformanceTest.class.getClassLoader().getResourceAsStream("herald/events/samples/" + type + ".json")) {
      return in == null ? "{\"order\":{\"id\":\"o-1\"}}" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A call expected to succeed (2xx), its response checked against the document; its body, or a missing node. */
  private JsonNode call(String method, String path, String body) {
    return call(method, path, body, Map.of());
  }

  private JsonNode call(String method, String path, String body, Map<String, String> headers) {
    APIGatewayV2HTTPResponse response = send(method, path, body, headers);
    assertThat(response.getStatusCode()).as(method + " " + path + ": " + response.getBody()).isBetween(200, 299);
    return response.getBody() == null ? MissingNode.getInstance() : Json.parse(response.getBody());
  }

  private APIGatewayV2HTTPResponse get(String path) {
    return send("GET", path, null);
  }

  private APIGatewayV2HTTPResponse send(String method, String path, String body) {
    return send(method, path, body, Map.of());
  }

  private APIGatewayV2HTTPResponse sendAs(String method, String path, String body, String authorization) {
    Map<String, String> headers = new HashMap<>();
    if (authorization != null) headers.put("authorization", authorization);
    return exchange(method, path, body, headers);
  }

  private APIGatewayV2HTTPResponse send(String method, String path, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("authorization", "Bearer " + KEY);
    return exchange(method, path, body, all);
  }

  /** Sends the request as API Gateway would, and checks the response against the OpenAPI document. */
  private APIGatewayV2HTTPResponse exchange(String method, String pathAndQuery, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>();
    all.put("content-type", "application/json");
    all.putAll(headers);
    APIGatewayV2HTTPEvent event = TestRequests.event(method, pathAndQuery, body, all);
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    openApi.check(method, event.getRawPath(), response.getStatusCode(), response.getBody());
    return response;
  }

  private static void expect(int status, String code, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(Json.parse(response.getBody()).path("code").asText()).isEqualTo(code);
  }

  private static void expect(int status, String code, String field, APIGatewayV2HTTPResponse response) {
    expect(status, code, response);
    assertThat(Json.parse(response.getBody()).path("field").asText()).isEqualTo(field);
  }
}
