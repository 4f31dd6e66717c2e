package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.domain.channels.ChannelKind;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distributions API through the api function, every response checked against the OpenAPI document. */
class DistributionApiTest {
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  private static final String WEBHOOK = "{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/herald\","
      + "\"secret\":\"whsec_YXBpLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=\",\"headers\":{\"X-Team\":\"growth\"}}";
  private Env env;
  private ApiHandler api;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
  }

  @Test
  void anEditNeedsTheCurrentVersionAndExactlyOneOfTwoConcurrentEditsWins() throws Exception {
    JsonNode created = ok(201, call("POST", "/v1/distributions", welcome("Hi"), null));
    String id = created.path("id").asText();

    assertError(call("PUT", "/v1/distributions/" + id, welcome("No version"), null), 400, "missing_field", "version");
    var pool = Executors.newFixedThreadPool(2);
    List<Future<APIGatewayV2HTTPResponse>> edits = new ArrayList<>();
    for (String subject : List.of("First", "Second")) {
      edits.add(pool.submit((Callable<APIGatewayV2HTTPResponse>) () ->
          call("PUT", "/v1/distributions/" + id, welcome(subject), "\"1\"")));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<APIGatewayV2HTTPResponse> edit : edits) statuses.add(edit.get().getStatusCode());
    pool.shutdown();

    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    JsonNode stored = ok(200, call("GET", "/v1/distributions/" + id, null, null));
    assertThat(stored.path("version").asInt()).isEqualTo(2);
    assertError(call("PUT", "/v1/distributions/" + id, welcome("Stale"), "\"1\""), 409, "version_conflict", null);
  }

  @Test
  void aWebhookSecretIsWriteOnlyAndKeptWhenAnEditOmitsIt() {
    String body = "{\"name\":\"Hook\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[" + WEBHOOK + "]}";
    APIGatewayV2HTTPResponse created = call("POST", "/v1/distributions", body, null);
    assertThat(created.getBody()).doesNotContain("whsec_YXBpLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=");
    JsonNode channel = ok(201, created).path("channels").get(0);
    assertThat(channel.path("secret_set").asBoolean()).isTrue();

    String id = Json.parse(created.getBody()).path("id").asText();
    String withoutSecret = body.replace(",\"secret\":\"whsec_YXBpLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=\"", "").replace("Hook", "Hook 2");
    JsonNode edited = ok(200, call("PUT", "/v1/distributions/" + id, withoutSecret, "\"1\""));
    assertThat(edited.path("name").asText()).isEqualTo("Hook 2");
    assertThat(edited.path("channels").get(0).path("secret_set").asBoolean()).isTrue();
  }

  @Test
  void aWebhookSavedWithoutASecretGetsOneShownOnceAndARotationShowsTheNewOneOnce() {
    String body = "{\"name\":\"Hook\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"Hi\",\"text\":\"Hi\"},{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/in\"}]}";
    JsonNode created = ok(201, call("POST", "/v1/distributions", body, null));
    String id = created.path("id").asText();
    String generated = created.path("channels").get(1).path("secret").asText();
    assertThat(generated).matches("whsec_[A-Za-z0-9+/]{43}=");

    String read = call("GET", "/v1/distributions/" + id, null, null).getBody();
    assertThat(read).doesNotContain(generated).contains("\"secret_set\":true");

    JsonNode rotated = ok(200, call("POST", "/v1/distributions/" + id + "/channels/1/rotate-secret", null, null));
    String fresh = rotated.path("channels").get(1).path("secret").asText();
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(generated);
    assertThat(rotated.path("channels").get(1).path("rotation_overlap_ends_at").asText()).isNotEmpty();
    assertThat(rotated.path("version").asInt()).isEqualTo(2);
    assertThat(rotated.toString()).doesNotContain(generated);
    assertThat(call("GET", "/v1/distributions/" + id, null, null).getBody()).doesNotContain(fresh)
        .doesNotContain(generated);

    assertError(call("POST", "/v1/distributions/" + id + "/channels/0/rotate-secret", null, null), 400,
        "not_rotatable", "index");
    assertError(call("POST", "/v1/distributions/" + id + "/channels/7/rotate-secret", null, null), 404,
        "not_found", "index");
    assertError(call("POST", "/v1/distributions/" + id + "/channels/x/rotate-secret", null, null), 400,
        "invalid_value", "index");
  }

  @Test
  void refusesWebhookPortsAndHeaderControlCharactersWhenSaved() {
    String base = "{\"name\":\"Hook\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[%s]}";
    for (String port : List.of("0", "65536")) {
      assertError(call("POST", "/v1/distributions", base.formatted("{\"type\":\"webhook\",\"url\":"
          + "\"https://hooks.example.com:" + port + "/in\"}"), null), 400, "invalid_url", "channels[0].url");
    }
    assertError(call("POST", "/v1/distributions", base.formatted("{\"type\":\"webhook\",\"url\":"
        + "\"https://hooks.example.com/in\",\"headers\":{\"X-A\":\"a\\r\\nX-B: b\"}}"), null), 400,
        "invalid_characters", "channels[0].headers.X-A");
    assertError(call("POST", "/v1/distributions", base.formatted("{\"type\":\"webhook\",\"url\":"
        + "\"https://[::ffff:0:127.0.0.1]/in\"}"), null), 400, "forbidden_host", "channels[0].url");
  }

  @Test
  void refusesCombinationsThatCannotWorkWith422() {
    String giftOnOrder = "{\"name\":\"x\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"gift_credits\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"Hi\",\"text\":\"Hi\"}]}";
    assertError(call("POST", "/v1/distributions", giftOnOrder, null), 422, "incompatible_action", "action.type");
    String rewardVariable = welcome("Hi").replace("Welcome {{customer.name}}", "You got {{reward.name}}");
    assertError(call("POST", "/v1/distributions", rewardVariable, null), 400, "unknown_variable", null);
    assertThat(ok(200, call("GET", "/v1/distributions", null, null)).path("data").size()).isZero();
  }

  @Test
  void aDistributionMustNameSegmentsThatExistWhenCreatedAndWhenReplaced() {
    assertError(call("POST", "/v1/distributions", toSegment("seg_missing"), null), 400, "unknown_segment",
        "audience.segment_id");
    assertError(call("POST", "/v1/distributions", onEntry("seg_missing", false), null), 400, "unknown_segment",
        "trigger.filters.segment_id");
    String vip = segment("VIP");

    String id = ok(201, call("POST", "/v1/distributions", onEntry(vip, true), null)).path("id").asText();
    assertError(call("PUT", "/v1/distributions/" + id, onEntry("seg_missing", true), "\"1\""), 400,
        "unknown_segment", "trigger.filters.segment_id");
    JsonNode stored = ok(200, call("GET", "/v1/distributions/" + id, null, null));
    assertThat(stored.path("version").asInt()).isEqualTo(1);
    assertThat(stored.path("trigger").path("filters").path("segment_id").asText()).isEqualTo(vip);
    assertThat(ok(200, call("GET", "/v1/distributions", null, null)).path("data")).hasSize(1);
    assertThat(ok(201, call("POST", "/v1/distributions", toSegment(vip), null)).path("audience")
        .path("segment_id").asText()).isEqualTo(vip);
  }

  @Test
  void includingExistingMembersIsRefusedWith422ForAnAudienceOtherThanTheEventsCustomer() {
    String vip = segment("VIP");
    String toMembers = onEntry(vip, true).replace("{\"type\":\"event_customer\"}",
        "{\"type\":\"segment\",\"segment_id\":\"" + vip + "\"}");

    assertError(call("POST", "/v1/distributions", toMembers, null), 422, "incompatible_include_existing_members",
        "trigger.filters.include_existing_members");
    assertThat(ok(201, call("POST", "/v1/distributions", toMembers.replace("true", "false"), null))
        .path("trigger").path("filters").path("include_existing_members").asBoolean()).isFalse();
    String id = ok(201, call("POST", "/v1/distributions", onEntry(vip, true), null)).path("id").asText();
    assertError(call("PUT", "/v1/distributions/" + id, toMembers, "\"1\""), 422,
        "incompatible_include_existing_members", "trigger.filters.include_existing_members");
  }

  @Test
  void activatingOrSendingADistributionWhoseSegmentWasDeletedMeanwhileIsRefusedAndChangesNothing() {
    String vip = segment("VIP");
    String onEntry = ok(201, call("POST", "/v1/distributions", onEntry(vip, true), null)).path("id").asText();
    String manual = ok(201, call("POST", "/v1/distributions", toSegment(vip).replace(
        "{\"type\":\"customer.order.paid\"}", "{\"type\":\"manual\"}"), null)).path("id").asText();
    // a delete that raced the saves: the segments API refuses to delete a segment in use
    new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE")).delete(vip);

    assertError(call("POST", "/v1/distributions/" + onEntry + "/activate", null, null), 400, "unknown_segment",
        "trigger.filters.segment_id");
    assertError(call("POST", "/v1/distributions/" + manual + "/send", null, null), 400, "unknown_segment",
        "audience.segment_id");
    assertThat(ok(200, call("GET", "/v1/distributions/" + onEntry, null, null)).path("status").asText())
        .isEqualTo("DRAFT");
    assertThat(ok(200, call("GET", "/v1/distributions/" + manual, null, null)).path("status").asText())
        .isEqualTo("DRAFT");
    assertThat(StandIns.sqs(env).receiveMessage(r -> r.queueUrl(env.get("FANOUT_QUEUE_URL"))).messages()).isEmpty();
  }

  @Test
  void listsByStatusAndTriggerPageByPageAndDeletesOnlyWhatMayGo() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) ids.add(ok(201, call("POST", "/v1/distributions", welcome("Hi " + i), null)).path("id").asText());
    ok(200, call("POST", "/v1/distributions/" + ids.get(1) + "/activate", null, null));
    ok(200, call("POST", "/v1/distributions/" + ids.get(3) + "/activate", null, null));

    assertThat(listAll("?status=ACTIVE&limit=1")).containsExactly(ids.get(1), ids.get(3));
    assertThat(listAll("?limit=2&trigger=customer.custom_event")).containsExactlyElementsOf(ids);
    assertThat(listAll("?trigger=customer.order.paid")).isEmpty();
    assertError(call("GET", "/v1/distributions?status=LIVE", null, null), 400, "invalid_value", "status");

    assertError(call("DELETE", "/v1/distributions/" + ids.get(1), null, null), 409, "not_deletable", null);
    APIGatewayV2HTTPResponse deleted = call("DELETE", "/v1/distributions/" + ids.get(0), null, "\"1\"");
    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertError(call("GET", "/v1/distributions/" + ids.get(0), null, null), 404, "not_found", "id");
  }

  @Test
  void aManualDryRunTellsWhatThePlansLimitsWouldDoAndThatEmailNeedsTheBrandDetails() {
    String manual = "{\"name\":\"Blast\",\"trigger\":{\"type\":\"manual\"},\"audience\":{\"type\":\"customer\","
        + "\"customer_id\":\"cust_1\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"Hello\",\"text\":\"Hello {{customer.name}}\"},{\"type\":\"sms\",\"text\":\"Hello\"}]}";
    String id = ok(201, call("POST", "/v1/distributions", manual, null)).path("id").asText();

    JsonNode paid = ok(200, call("POST", "/v1/distributions/" + id + "/send", null, null));
    assertThat(paid.path("quota")).isEqualTo(Json.parse("{\"would_send\":2,\"would_skip\":0,\"left\":null}"));
    assertThat(paid.path("warnings").findValuesAsText("code")).contains("missing_brand_details");

    ok(200, call("PUT", "/v1/settings/account", "{\"plan\":\"trial\"}", null));
    ok(200, call("PUT", "/v1/settings/brand", "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\","
        + "\"postal_address\":\"1 Market Street\"}", null));
    JsonNode trial = ok(200, call("POST", "/v1/distributions/" + id + "/send", null, null));
    assertThat(trial.path("quota")).isEqualTo(Json.parse("{\"would_send\":2,\"would_skip\":0,\"left\":10}"));
    assertThat(trial.path("warnings").findValuesAsText("code")).doesNotContain("missing_brand_details");
  }

  @Test
  void manualDistributionsAreConfirmedSentAndStoppedNotActivated() {
    String manual = "{\"name\":\"Blast\",\"trigger\":{\"type\":\"manual\"},\"audience\":{\"type\":\"customer\","
        + "\"customer_id\":\"cust_1\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"sms\","
        + "\"text\":\"Hello {{customer.name}}\"}]}";
    JsonNode created = ok(201, call("POST", "/v1/distributions", manual, null));
    String id = created.path("id").asText();
    assertThat(created.path("channels").get(0).path("segments").asInt()).isEqualTo(1);

    assertError(call("POST", "/v1/distributions/" + id + "/activate", null, null), 409, "invalid_transition", null);
    JsonNode dryRun = ok(200, call("POST", "/v1/distributions/" + id + "/send", null, null));
    assertThat(dryRun.path("messages").asInt()).isEqualTo(1);
    assertThat(ok(200, call("GET", "/v1/distributions/" + id, null, null)).path("status").asText())
        .as("a dry run changes nothing").isEqualTo("DRAFT");
    assertThat(ok(202, call("POST", "/v1/distributions/" + id + "/send", "{\"confirmation_token\":\""
        + dryRun.path("confirmation_token").asText() + "\"}", null)).path("status").asText()).isEqualTo("SCHEDULED");
    assertThat(ok(200, call("POST", "/v1/distributions/" + id + "/stop", null, null)).path("status").asText())
        .isEqualTo("STOPPED");

    JsonNode activity = ok(200, call("GET", "/v1/distributions/" + id + "/activity", null, null));
    List<String> actions = new ArrayList<>();
    activity.path("data").forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions).containsExactly("stopped", "scheduled", "created");
    assertThat(activity.path("data").get(0).path("actor").asText()).isEqualTo("root");
  }

  @Test
  void previewRendersEveryChannelForACustomerAndSendsNothing() {
    call("POST", "/v1/customers", "{\"source_id\":\"ada-1\",\"name\":\"Ada <L>\",\"email\":\"ada@example.com\"}", null);
    String customerId = herald.domain.customers.Customer.idFor("ada-1");
    String body = "{\"name\":\"Both\",\"trigger\":{\"type\":\"customer.custom_event\",\"filters\":{\"event\":"
        + "\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"plain_message\"},"
        + "\"channels\":[{\"type\":\"email\",\"subject\":\"Hi {{customer.name}}\",\"html\":\"<p>{{customer.name}} "
        + "{{event.data.plan}}</p>\"}," + WEBHOOK + "]}";
    String id = ok(201, call("POST", "/v1/distributions", body, null)).path("id").asText();

    JsonNode preview = ok(200, call("POST", "/v1/distributions/" + id + "/preview",
        "{\"customer_id\":\"" + customerId + "\",\"event\":{\"data\":{\"plan\":\"gold\"}}}", null));

    assertThat(preview.path("channels").path("email").path("subject").asText()).isEqualTo("Hi Ada <L>");
    assertThat(preview.path("channels").path("email").path("html").asText()).isEqualTo("<p>Ada &lt;L&gt; gold</p>");
    assertThat(preview.path("channels").path("webhook").path("url").asText()).isEqualTo("https://hooks.example.com/herald");
    assertThat(preview.toString()).doesNotContain("whsec_YXBpLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=");
    assertError(call("POST", "/v1/distributions/" + id + "/preview", "{\"customer_id\":\"cust_nope\"}", null),
        404, "not_found", "customer_id");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("MESSAGES_TABLE"))).count()).isZero();
  }

  @Test
  void templatesThatDoMoreThanFillInDataAreRefusedWithTheirCodeAndFieldAtSaveAndAtPreview() {
    String text = "\"text\":\"Welcome {{customer.name}}\"";
    assertError(call("POST", "/v1/distributions", welcome("Hi").replace(text,
        "\"html\":\"<p>{{{customer.name}}}</p>\""), null), 400, "unescaped_html", "channels[0].html");
    assertError(call("POST", "/v1/distributions", welcome("{{=<% %>=}}<%customer.name%>"), null), 400,
        "delimiter_change", "channels[0].subject");
    assertError(call("POST", "/v1/distributions", welcome("Hi").replace(text, "\"text\":\"{{customer.name.bytes}}\""),
        null), 400, "unknown_variable", "channels[0].text");
    assertThat(ok(200, call("GET", "/v1/distributions", null, null)).path("data").size()).isZero();

    String items = "customer.metadata.items";
    String nested = ("{{#" + items + "}}").repeat(4) + "{{.}}" + ("{{/" + items + "}}").repeat(4);
    call("POST", "/v1/customers", "{\"source_id\":\"ada-1\",\"name\":\"Ada\",\"email\":\"ada@example.com\","
        + "\"metadata\":{\"items\":[" + String.join(",", java.util.Collections.nCopies(100, "\"x\"")) + "]}}", null);
    String id = ok(201, call("POST", "/v1/distributions", welcome("Hi").replace(text, "\"text\":\"" + nested + "\""),
        null)).path("id").asText();

    long start = System.nanoTime();
    assertError(call("POST", "/v1/distributions/" + id + "/preview", "{\"customer_id\":\""
        + herald.domain.customers.Customer.idFor("ada-1") + "\"}", null), 400, "template_too_large", "channels[0]");
    assertThat(System.nanoTime() - start).as("stopped early").isLessThan(5_000_000_000L);
  }

  @Test
  void theCatalogueListsWhichActionsFitEachTrigger() {
    JsonNode catalogue = ok(200, call("GET", "/v1/distributions/catalogue", null, null));
    JsonNode gift = null;
    for (JsonNode entry : catalogue.path("data")) {
      if (entry.path("trigger").asText().equals("customer.voucher.gift.balance_added")) gift = entry;
    }
    assertThat(gift).isNotNull();
    List<String> actions = new ArrayList<>();
    gift.path("actions").forEach(a -> actions.add(a.path("type").asText()));
    assertThat(actions).contains("gift_credits", "plain_message").doesNotContain("reward_details");
  }

  /** Each marketing tool's example credentials, to save the integration a catalogue example names. */
  private static final java.util.Map<String, herald.domain.integrations.ToolCredentials> TOOLS = java.util.Map.of(
      "braze", new herald.domain.channels.braze.BrazeCredentials(),
      "mailchimp", new herald.domain.channels.mailchimp.MailchimpCredentials(),
      "klaviyo", new herald.domain.channels.klaviyo.KlaviyoCredentials(),
      "intercom", new herald.domain.channels.intercom.IntercomCredentials());

  @Test
  void theCatalogueDescribesEveryChannelAndEachExampleCreatesADistribution() {
    JsonNode channels = ok(200, call("GET", "/v1/distributions/catalogue", null, null)).path("channels");
    List<String> types = new ArrayList<>();
    for (JsonNode channel : channels) {
      String type = channel.path("type").asText();
      types.add(type);
      JsonNode example = channel.path("example");
      if (example.has("integration_id")) {
        // a marketing tool's example names an integration: save one of its tool, with the tool's example credentials
        String integration = ok(201, call("POST", "/v1/integrations", "{\"tool\":\"" + type + "\",\"name\":\"x\","
            + "\"credentials\":" + herald.platform.Json.write(TOOLS.get(type).example()) + "}", null)).path("id").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) example).put("integration_id", integration);
      }
      String body = "{\"name\":\"Example\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":"
          + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[" + example + "]}";
      JsonNode created = ok(201, call("POST", "/v1/distributions", body, null));
      assertThat(created.path("channels").get(0).path("type").asText()).as(type).isEqualTo(type);
    }
    assertThat(types).containsExactlyElementsOf(TestChannels.kinds().all().stream().map(ChannelKind::type).toList());
    JsonNode webhook = channels.get(types.indexOf("webhook"));
    assertThat(webhook.path("in_doubt").asText()).isEqualTo("resend");
    assertThat(webhook.path("fields").get(1).toString())
        .isEqualTo("{\"name\":\"secret\",\"type\":\"string\",\"required\":false,\"secret\":true}");
    assertThat(channels.get(types.indexOf("braze")).path("in_doubt").asText()).isEqualTo("outcome_unknown");
    assertThat(webhook.has("delivered")).as("every channel delivers: nothing to say").isFalse();
    assertThat(channels.get(types.indexOf("email")).path("templates").toString())
        .isEqualTo("[\"subject\",\"html\",\"text\"]");
  }

  private List<String> listAll(String query) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String q = query + (cursor == null ? "" : (query.isEmpty() ? "?" : "&") + "cursor=" + cursor);
      JsonNode page = ok(200, call("GET", "/v1/distributions" + q, null, null));
      page.path("data").forEach(d -> ids.add(d.path("id").asText()));
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
    } while (cursor != null && ++pages < 20);
    return ids;
  }

  private String segment(String name) {
    return ok(201, call("POST", "/v1/segments", "{\"name\":\"" + name + "\",\"type\":\"static\"}", null))
        .path("id").asText();
  }

  private static String toSegment(String segmentId) {
    return "{\"name\":\"Sale\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":\"segment\","
        + "\"segment_id\":\"" + segmentId + "\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":"
        + "\"email\",\"subject\":\"Sale\",\"text\":\"Hi {{customer.name}}\"}]}";
  }

  private static String onEntry(String segmentId, boolean includeExisting) {
    return "{\"name\":\"Club\",\"trigger\":{\"type\":\"customer.segment.entered\",\"filters\":{\"segment_id\":\""
        + segmentId + "\",\"include_existing_members\":" + includeExisting + "}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"Welcome\",\"text\":\"Welcome {{customer.name}}\"}]}";
  }

  private static String welcome(String subject) {
    return "{\"name\":\"Welcome\",\"trigger\":{\"type\":\"customer.custom_event\",\"filters\":{\"event\":"
        + "\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"plain_message\"},"
        + "\"channels\":[{\"type\":\"email\",\"subject\":\"" + subject + "\",\"text\":\"Welcome {{customer.name}}\"}]}";
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body, String ifMatch) {
    Map<String, String> headers = TestRequests.bearer("herald-local-key");
    if (ifMatch != null) headers.put("if-match", ifMatch);
    APIGatewayV2HTTPEvent event = TestRequests.event(method, pathAndQuery, body, headers);
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    OPENAPI.check(method, event.getRawPath(), response.getStatusCode(), response.getBody());
    return response;
  }

  private static JsonNode ok(int status, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return Json.parse(response.getBody());
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    if (field != null) assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
