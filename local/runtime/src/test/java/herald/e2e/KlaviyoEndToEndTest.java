package herald.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import herald.platform.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Klaviyo on the local runtime: a stub answering as Klaviyo's API does, reached through the integration's
 * api_base_url; an event through Herald's API, then the exact event arriving with the published code, the message
 * SENT; an event Klaviyo refuses FAILED with its detail; and the integration's credential check against the stub.
 */
class KlaviyoEndToEndTest {
  private static final String KEY = "pk_e2e0123456789abcdef0123456789abcd";
  private static final String JSON_API = "application/vnd.api+json";
  private static final WireMockServer klaviyo = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  @BeforeAll
  static void start() {
    klaviyo.start();
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(aResponse().withStatus(202)));
    klaviyo.stubFor(post(urlEqualTo("/api/events")).withRequestBody(containing("\"refused-"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_API).withBody("{\"errors\":[{\"id\":"
            + "\"0b1c\",\"status\":400,\"code\":\"invalid\",\"title\":\"Invalid input.\",\"detail\":"
            + "\"The metric name is not valid.\",\"source\":{\"pointer\":\"/data/attributes/metric\"}}]}")));
    klaviyo.stubFor(get(urlEqualTo("/api/accounts")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", JSON_API).withBody("{\"data\":[{\"type\":\"account\",\"id\":\"XyZ789\","
            + "\"attributes\":{\"test_account\":true},\"links\":{\"self\":\"https://a.klaviyo.com/api/accounts/XyZ789/\"}}]}")));
  }

  @AfterAll
  static void stop() {
    klaviyo.stop();
  }

  @Test
  void anEventSendsKlaviyoTheCustomersEventWithTheirCodeOnceAndARefusalFailsWithKlaviyosDetail() {
    Http api = ToolsRuntime.api();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String integration = ToolsRuntime.integration("{\"tool\":\"klaviyo\",\"name\":\"Klaviyo " + tag + "\","
        + "\"api_base_url\":\"http://127.0.0.1:" + klaviyo.port() + "\",\"credentials\":{\"private_api_key\":\""
        + KEY + "\"}}");

    Http.Reply tested = api.post("/v1/integrations/" + integration + "/test", null);
    assertThat(tested.status()).isEqualTo(200);
    assertThat(tested.body()).isEqualTo(Json.parse("{\"ok\":true,\"status\":200,"
        + "\"message\":\"Klaviyo accepted the private API key of account XyZ789\"}"));

    String campaignId = ToolsRuntime.campaign("Klaviyo " + tag, "KLAV-");
    String distribution = ToolsRuntime.codeDistribution("Klaviyo welcome " + tag, "joined_" + tag, campaignId,
        "{\"type\":\"klaviyo\",\"integration_id\":\"" + integration + "\"}");
    String source = "ada-" + tag;
    String customerId = api.post("/v1/customers", "{\"source_id\":\"" + source + "\",\"name\":\"Ada\",\"email\":\""
        + source + "@example.com\",\"phone\":\"+447700900123\"}").body().path("id").asText();

    Instant before = Instant.now().minusSeconds(1);
    assertThat(api.post("/v1/events", "{\"event\":\"joined_" + tag + "\",\"customer\":{\"source_id\":\"" + source
        + "\"},\"id\":\"" + source + "-1\"}").status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> summary(distribution).path("SENT").asInt() == 1);
    JsonNode message = api.get("/v1/distributions/" + distribution + "/messages").body().path("data").get(0);
    assertThat(message.path("channel").asText()).isEqualTo("klaviyo");
    assertThat(message.path("status").asText()).isEqualTo("SENT");
    String code = api.get("/v1/publications?customer_id=" + customerId).body().path("data").get(0)
        .path("voucher").path("code").asText();
    assertThat(code).matches("KLAV-[A-Z0-9]{6}");
    JsonNode sent = Json.parse(klaviyo.findAll(postRequestedFor(urlEqualTo("/api/events"))).get(0).getBodyAsString());
    String time = sent.path("data").path("attributes").path("time").asText();
    assertThat(Instant.parse(time)).isBetween(before, Instant.now());
    klaviyo.verify(1, postRequestedFor(urlEqualTo("/api/events"))
        .withHeader("Authorization", equalTo("Klaviyo-API-Key " + KEY))
        .withHeader("revision", equalTo("2026-10-15"))
        .withHeader("Accept", equalTo(JSON_API))
        .withHeader("Content-Type", equalTo(JSON_API))
        .withRequestBody(equalToJson("{\"data\":{\"type\":\"event\",\"attributes\":{"
            + "\"properties\":{\"distribution_id\":\"" + distribution + "\",\"event_type\":\"customer.custom_event\","
            + "\"herald_code\":\"" + code + "\",\"campaign_id\":\"" + campaignId + "\",\"campaign_name\":\"Klaviyo "
            + tag + "\",\"qr_url\":\"${json-unit.regex}http://.*/v1/qr\\\\?code=" + code + "&s=.+\"},"
            + "\"time\":\"" + time + "\",\"unique_id\":\"" + message.path("id").asText() + "\","
            + "\"metric\":{\"data\":{\"type\":\"metric\",\"attributes\":{\"name\":\"Klaviyo welcome " + tag + "\"}}},"
            + "\"profile\":{\"data\":{\"type\":\"profile\",\"attributes\":{\"email\":\"" + source + "@example.com\","
            + "\"phone_number\":\"+447700900123\",\"external_id\":\"" + source + "\"}}}}}}")));

    String refused = "refused-" + tag;
    api.post("/v1/customers", "{\"source_id\":\"" + refused + "\"}");
    api.post("/v1/events", "{\"event\":\"joined_" + tag + "\",\"customer\":{\"source_id\":\"" + refused
        + "\"},\"id\":\"" + refused + "-1\"}");
    await().atMost(Duration.ofSeconds(30)).until(() -> summary(distribution).path("FAILED").asInt() == 1);
    assertThat(api.get("/v1/distributions/" + distribution + "/messages").body().path("data"))
        .anySatisfy(m -> assertThat(m.path("reason").asText())
            .isEqualTo("http_400: The metric name is not valid."));
    assertThat(summary(distribution).path("SENT").asInt()).as("nothing sent twice").isEqualTo(1);
  }

  private static JsonNode summary(String distribution) {
    return ToolsRuntime.api().get("/v1/distributions/" + distribution + "/summary").body().path("channels")
        .path("klaviyo");
  }
}
