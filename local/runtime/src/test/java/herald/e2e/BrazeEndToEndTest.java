package herald.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.platform.Json;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Braze on the local runtime: an integration pointed through api_base_url at a stub of Braze's REST API on
 * 127.0.0.1, its credential check, and a publish_code distribution whose custom event reaches /users/track with
 * the published code as the herald_code attribute and in the event named after the distribution.
 */
class BrazeEndToEndTest {
  private static final String KEY = "braze-e2e-rest-key";
  private static WireMockServer braze;

  @BeforeAll
  static void start() {
    braze = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    braze.start();
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"attributes_processed\":1,\"events_processed\":1,\"message\":\"success\"}")));
    braze.stubFor(get(urlEqualTo("/events/list")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"success\",\"events\":[]}")));
  }

  @AfterAll
  static void stop() {
    braze.stop();
  }

  @Test
  void anEventPublishesACodeThatReachesBrazeAsTheHeraldCodeAttributeAndEvent() {
    Http api = ToolsRuntime.api();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String base = "http://127.0.0.1:" + braze.port();
    String integration = ToolsRuntime.integration("{\"tool\":\"braze\",\"name\":\"Braze " + tag + "\","
        + "\"api_base_url\":\"" + base + "\",\"credentials\":{\"api_key\":\"" + KEY + "\",\"rest_endpoint\":\""
        + base + "\"}}");

    Http.Reply tested = api.post("/v1/integrations/" + integration + "/test", null);
    assertThat(tested.status()).as(String.valueOf(tested.body())).isEqualTo(200);
    assertThat(tested.body().path("ok").asBoolean()).isTrue();
    assertThat(tested.body().path("status").asInt()).isEqualTo(200);
    assertThat(tested.body().toString()).doesNotContain(KEY);
    braze.verify(getRequestedFor(urlEqualTo("/events/list")).withHeader("Authorization", equalTo("Bearer " + KEY)));

    String campaignId = ToolsRuntime.campaign("Braze welcome " + tag, "BRAZE-");
    String distribution = ToolsRuntime.codeDistribution("Braze welcome " + tag, "signed_up_" + tag, campaignId,
        "{\"type\":\"braze\",\"integration_id\":\"" + integration + "\"}");
    String source = "ada-" + tag;
    String customerId = api.post("/v1/customers", "{\"source_id\":\"" + source + "\",\"name\":\"Ada\"}").body()
        .path("id").asText();

    assertThat(api.post("/v1/events", "{\"event\":\"signed_up_" + tag + "\",\"customer\":{\"source_id\":\"" + source
        + "\"},\"id\":\"evt-" + tag + "\"}").status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/distributions/" + distribution + "/summary")
        .body().path("totals").path("SENT").asInt() == 1);
    String code = api.get("/v1/publications?customer_id=" + customerId).body().path("data").get(0).path("voucher")
        .path("code").asText();
    assertThat(code).startsWith("BRAZE-");
    List<LoggedRequest> tracked = braze.findAll(postRequestedFor(urlEqualTo("/users/track")).withRequestBody(
        com.github.tomakehurst.wiremock.client.WireMock.containing(source)));
    assertThat(tracked).hasSize(1);
    LoggedRequest request = tracked.get(0);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    JsonNode body = Json.parse(request.getBodyAsString());
    assertThat(body.path("attributes").toString()).isEqualTo("[{\"external_id\":\"" + source + "\",\"herald_code\":\""
        + code + "\"}]");
    assertThat(body.path("events")).hasSize(1);
    JsonNode event = body.path("events").get(0);
    assertThat(event.path("external_id").asText()).isEqualTo(source);
    assertThat(event.path("name").asText()).isEqualTo("Braze welcome " + tag);
    assertThat(event.path("time").asText()).isNotBlank();
    assertThat(event.path("properties").path("herald_code").asText()).isEqualTo(code);
    assertThat(event.path("properties").path("herald_distribution_id").asText()).isEqualTo(distribution);
    assertThat(event.path("properties").path("voucher").path("code").asText()).isEqualTo(code);
    JsonNode message = api.get("/v1/distributions/" + distribution + "/messages").body().path("data").get(0);
    assertThat(message.path("channel").asText()).isEqualTo("braze");
    assertThat(message.path("status").asText()).isEqualTo("SENT");
  }
}
