package herald.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import herald.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Intercom on the local runtime, against a stub of Intercom's API reached through the integration's
 * api_base_url: a customer's event publishes a code, and Intercom is asked for the contact, told to create it, and
 * given the data event with the code as herald_code; the message ends SENT. The credential check asks GET /me.
 */
class IntercomEndToEndTest {
  private static final String TOKEN = "dG9rOmUyZS1pbnRlcmNvbQ==";
  private static final WireMockServer intercom = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeAll
  static void start() {
    intercom.start();
    intercom.stubFor(post("/contacts/search").willReturn(json(200, "{\"type\":\"list\",\"data\":[],"
        + "\"total_count\":0}")));
    intercom.stubFor(post("/contacts").willReturn(json(200, "{\"type\":\"contact\",\"id\":\"6762f0dd1bb69f9f2193bb83\","
        + "\"role\":\"user\"}")));
    intercom.stubFor(post("/events").willReturn(aResponse().withStatus(202)));
    intercom.stubFor(get("/me").willReturn(json(200, "{\"type\":\"admin\",\"id\":\"991267459\",\"app\":{\"type\":"
        + "\"app\",\"id_code\":\"abc123\",\"name\":\"Acme Support\",\"region\":\"EU\"}}")));
  }

  @AfterAll
  static void stop() {
    intercom.stop();
  }

  @Test
  void anEventPublishesACodeAndIntercomGetsTheContactAndTheDataEventCarryingIt() {
    Http api = ToolsRuntime.api();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String integration = ToolsRuntime.integration("{\"tool\":\"intercom\",\"name\":\"Support " + tag + "\","
        + "\"credentials\":{\"access_token\":\"" + TOKEN + "\",\"region\":\"eu\"},\"api_base_url\":"
        + "\"http://127.0.0.1:" + intercom.port() + "\"}");
    String campaignId = ToolsRuntime.campaign("Intercom " + tag, "IC-");
    String distribution = ToolsRuntime.codeDistribution("Intercom code " + tag, "signed_up_" + tag, campaignId,
        "{\"type\":\"intercom\",\"integration_id\":\"" + integration + "\"}");
    String source = "ada-" + tag;
    String customerId = api.post("/v1/customers", "{\"source_id\":\"" + source + "\",\"name\":\"Ada\","
        + "\"email\":\"" + source + "@example.com\"}").body().path("id").asText();
    long before = Instant.now().getEpochSecond();

    assertThat(api.post("/v1/events", "{\"event\":\"signed_up_" + tag + "\",\"customer\":{\"source_id\":\""
        + source + "\"},\"id\":\"" + source + "-1\"}").status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/distributions/" + distribution + "/summary")
        .body().path("channels").path("intercom").path("SENT").asInt() == 1);
    String code = api.get("/v1/publications?customer_id=" + customerId).body().path("data").get(0)
        .path("voucher").path("code").asText();
    assertThat(code).startsWith("IC-");
    intercom.verify(1, sent(postRequestedFor(urlEqualTo("/contacts/search"))).withRequestBody(equalToJson(
        "{\"query\":{\"field\":\"external_id\",\"operator\":\"=\",\"value\":\"" + source + "\"}}")));
    intercom.verify(1, sent(postRequestedFor(urlEqualTo("/contacts"))).withRequestBody(equalToJson(
        "{\"role\":\"user\",\"external_id\":\"" + source + "\",\"email\":\"" + source + "@example.com\","
            + "\"name\":\"Ada\"}")));
    JsonNode event = Json.parse(intercom.findAll(postRequestedFor(urlEqualTo("/events"))).stream()
        .filter(r -> r.getBodyAsString().contains(source)).findFirst().orElseThrow().getBodyAsString());
    long createdAt = event.path("created_at").asLong();
    assertThat(createdAt).isBetween(before - 1, Instant.now().getEpochSecond());
    intercom.verify(1, sent(postRequestedFor(urlEqualTo("/events"))).withRequestBody(equalToJson(
        "{\"event_name\":\"Intercom code " + tag + "\",\"created_at\":" + createdAt + ",\"user_id\":\"" + source
            + "\",\"metadata\":{\"herald_code\":\"" + code + "\",\"herald_campaign_id\":\"" + campaignId + "\","
            + "\"herald_campaign_name\":\"Intercom " + tag + "\",\"herald_qr_url\":\""
            + event.path("metadata").path("herald_qr_url").asText() + "\",\"herald_message_id\":\""
            + event.path("metadata").path("herald_message_id").asText() + "\",\"herald_distribution_id\":\""
            + distribution + "\",\"herald_event_type\":\"customer.custom_event\"}}")));
    assertThat(event.path("metadata").path("herald_qr_url").asText()).contains("code=" + code);
    JsonNode messages = api.get("/v1/distributions/" + distribution + "/messages").body().path("data");
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.path("status").asText()).isEqualTo("SENT");
      assertThat(m.path("id").asText()).isEqualTo(event.path("metadata").path("herald_message_id").asText());
    });
  }

  @Test
  void theCredentialCheckAsksIntercomWhoTheTokenBelongsTo() {
    String integration = ToolsRuntime.integration("{\"tool\":\"intercom\",\"name\":\"Check\",\"credentials\":"
        + "{\"access_token\":\"" + TOKEN + "\"},\"api_base_url\":\"http://127.0.0.1:" + intercom.port() + "\"}");

    Http.Reply tested = ToolsRuntime.api().post("/v1/integrations/" + integration + "/test", null);

    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.body()).isEqualTo(Json.parse("{\"ok\":true,\"status\":200,\"message\":"
        + "\"workspace Acme Support (EU)\"}"));
    assertThat(tested.body().toString()).doesNotContain(TOKEN);
    intercom.verify(sent(getRequestedFor(urlEqualTo("/me"))));
  }

  private static RequestPatternBuilder sent(RequestPatternBuilder request) {
    return request.withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Intercom-Version", equalTo("2.14")).withHeader("Accept", equalTo("application/json"));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }
}
