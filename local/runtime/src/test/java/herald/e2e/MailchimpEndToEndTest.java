package herald.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.platform.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mailchimp on the local runtime: an integration whose api_base_url is a stub of the Marketing API on 127.0.0.1, a
 * publish_code distribution whose channel names only the integration, an event through the API; then the member
 * arrives in the account's only audience with the code in CODE, tagged with the distribution's name, and the
 * message is SENT. The credential check pings the stub.
 */
class MailchimpEndToEndTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef-us14";
  private static final String BASIC = "Basic aGVyYWxkOjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmLXVzMTQ=";
  private final WireMockServer mailchimp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeEach
  void start() {
    mailchimp.start();
  }

  @AfterEach
  void stop() {
    mailchimp.stop();
  }

  @Test
  void anEventPutsTheCustomerIntoTheOnlyAudienceWithTheCodeAndTagsThem() throws Exception {
    Http api = ToolsRuntime.api();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "ada-" + tag + "@example.com";
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
        .digest(email.getBytes(StandardCharsets.UTF_8)));
    String member = "/3.0/lists/aud" + tag + "/members/" + hash;
    mailchimp.stubFor(get(urlEqualTo("/3.0/lists?fields=lists.id,total_items&count=2")).willReturn(json(200,
        "{\"lists\":[{\"id\":\"aud" + tag + "\"}],\"total_items\":1}")));
    mailchimp.stubFor(get(urlEqualTo("/3.0/lists/aud" + tag + "/merge-fields?fields=merge_fields.tag&count=1000"))
        .willReturn(json(200, "{\"merge_fields\":[{\"tag\":\"FNAME\"},{\"tag\":\"CODE\"}]}")));
    mailchimp.stubFor(put(urlEqualTo(member + "?skip_merge_validation=true")).willReturn(json(200,
        "{\"id\":\"" + hash + "\",\"unique_email_id\":\"ue" + tag + "\",\"status\":\"subscribed\"}")));
    mailchimp.stubFor(post(urlEqualTo(member + "/tags")).willReturn(aResponse().withStatus(204)));
    mailchimp.stubFor(get(urlEqualTo("/3.0/ping")).willReturn(json(200,
        "{\"health_status\":\"Everything's Chimpy!\"}")));

    String integration = ToolsRuntime.integration("{\"tool\":\"mailchimp\",\"name\":\"Shop " + tag + "\","
        + "\"credentials\":{\"api_key\":\"" + KEY + "\"},\"api_base_url\":\"http://127.0.0.1:" + mailchimp.port()
        + "/3.0\"}");
    Http.Reply checked = api.post("/v1/integrations/" + integration + "/test", null);
    assertThat(checked.status()).isEqualTo(200);
    assertThat(checked.body().toString()).isEqualTo(
        "{\"ok\":true,\"status\":200,\"message\":\"Everything's Chimpy!\"}");

    String campaignId = ToolsRuntime.campaign("Chimp " + tag, "CHIMP-");
    String distribution = ToolsRuntime.codeDistribution("Chimp welcome " + tag, "joined_" + tag, campaignId,
        "{\"type\":\"mailchimp\",\"integration_id\":\"" + integration + "\"}");
    Http.Reply customer = api.post("/v1/customers", "{\"source_id\":\"ada-" + tag + "\",\"name\":\"Ada\","
        + "\"email\":\"" + email + "\",\"consents\":{\"email\":{\"granted\":true}}}");
    assertThat(customer.status()).as(customer.body().toString()).isBetween(200, 201);

    assertThat(api.post("/v1/events", "{\"event\":\"joined_" + tag + "\",\"customer\":{\"source_id\":\"ada-" + tag
        + "\"},\"id\":\"evt-" + tag + "\"}").status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/distributions/" + distribution + "/summary")
        .body().path("totals").path("SENT").asInt() == 1);
    List<LoggedRequest> puts = mailchimp.findAll(putRequestedFor(urlPathMatching("/3.0/lists/.*")));
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).getHeader("Authorization")).isEqualTo(BASIC);
    JsonNode body = Json.parse(puts.get(0).getBodyAsString());
    assertThat(body.path("email_address").asText()).isEqualTo(email);
    assertThat(body.path("status_if_new").asText()).isEqualTo("subscribed");
    assertThat(body.path("merge_fields").size()).isEqualTo(1);
    assertThat(body.path("merge_fields").path("CODE").asText()).matches("CHIMP-[A-Z0-9]{6}");
    mailchimp.verify(1, postRequestedFor(urlEqualTo(member + "/tags")).withHeader("Authorization", equalTo(BASIC))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
            "{\"tags\":[{\"name\":\"Chimp welcome " + tag + "\",\"status\":\"active\"}]}")));
    JsonNode message = api.get("/v1/distributions/" + distribution + "/messages").body().path("data").get(0);
    assertThat(message.path("channel").asText()).isEqualTo("mailchimp");
    assertThat(message.path("status").asText()).isEqualTo("SENT");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body);
  }
}
