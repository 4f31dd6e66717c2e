package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import herald.domain.channels.webhook.WebhookSignature;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.testing.SesStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * One event, three channels, each to a real local endpoint: the SES stand-in, the runtime's SNS endpoint and a
 * webhook receiver that checks the signature; then the unsubscribe link, a rotation of the webhook's secret (both
 * secrets sign), and an SES bounce that suppresses.
 */
class DeliveryEndToEndTest {
  private static final String SECRET = "whsec_YS13ZWJob29rLXNlY3JldC1vZi0zMi1jaGFyYWN0ZXJz";
  private static LocalRuntime runtime;
  private static Http api;
  private static SesStore mail;
  private static HttpServer receiver;
  private static final List<Map<String, String>> hooks = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template()));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
    mail = new SesStore(runtime.endpoints().ses());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      hooks.add(Map.of("body", body,
          "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")),
          "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
          "id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
          "key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key"))));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    runtime.close();
  }

  @Test
  void oneEventReachesEmailSmsAndAWebhookThenUnsubscribeAndBounceStopFurtherEmail() throws Exception {
    String source = "lin-" + UUID.randomUUID().toString().substring(0, 8);
    String email = source + "@example.com";
    api.put("/v1/settings/brand", "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\","
        + "\"postal_address\":\"1 Market Street, Springfield\"}");
    String customerId = api.post("/v1/customers", "{\"source_id\":\"" + source + "\",\"name\":\"Lin\",\"email\":\""
        + email + "\",\"phone\":\"+447700900123\"}").body().path("id").asText();
    String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Http.Reply created = api.post("/v1/distributions", "{\"name\":\"Everywhere\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"joined_" + source + "\"}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":["
        + "{\"type\":\"email\",\"subject\":\"Hi {{customer.name}}\",\"text\":\"Welcome {{customer.name}}\"},"
        + "{\"type\":\"sms\",\"text\":\"Welcome {{customer.name}}\",\"sms_type\":\"transactional\"},"
        + "{\"type\":\"webhook\",\"url\":\"" + hookUrl + "\",\"secret\":\"" + SECRET + "\"}]}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    String distribution = created.body().path("id").asText();
    api.post("/v1/distributions/" + distribution + "/activate", null);

    post(source, "first");

    await().atMost(Duration.ofSeconds(20)).until(() -> summary(distribution).path("totals").path("SENT").asInt() == 3);
    JsonNode sent = mail.to(email).get(0);
    assertThat(sent.path("body").path("text").asText()).contains("Welcome Lin").contains("1 Market Street");
    assertThat(runtime.sns().sent()).anySatisfy(sms -> {
      assertThat(sms.phoneNumber()).isEqualTo("+447700900123");
      assertThat(sms.message()).isEqualTo("Welcome Lin");
    });
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).get("id")).isEqualTo(hooks.get(0).get("key"));
    assertThat(WebhookSignature.verify(SECRET, hooks.get(0).get("id"), Long.parseLong(hooks.get(0).get("timestamp")),
        hooks.get(0).get("body"), hooks.get(0).get("signature"))).isTrue();
    assertThat(hooks.get(0).get("body")).contains(customerId).contains(distribution);

    // The email's unsubscribe link asks first (opening it changes nothing); its button's POST revokes email
    // consent: the next event's email is skipped, not sent.
    String link = sent.path("body").path("text").asText().replaceAll("(?s).*Unsubscribe: (\\S+).*", "$1");
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\">").doesNotContainIgnoringCase("unsubscribed");
    HttpResponse<String> done = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).containsIgnoringCase("unsubscribed");
    // The webhook's secret is rotated (kept in the runtime's Secrets Manager): the next request carries both
    // signatures, each verifying with the Standard Webhooks scheme.
    Http.Reply rotated = api.post("/v1/distributions/" + distribution + "/channels/2/rotate-secret", null);
    String fresh = rotated.body().path("channels").get(2).path("secret").asText();
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(SECRET);
    post(source, "second");
    await().atMost(Duration.ofSeconds(20)).until(() -> summary(distribution).path("channels").path("email")
        .path("SKIPPED").asInt() == 1);
    assertThat(mail.to(email)).hasSize(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> hooks.size() == 2);
    Map<String, String> second = hooks.get(1);
    for (String secret : List.of(fresh, SECRET)) {
      assertThat(WebhookSignature.verify(secret, second.get("id"), Long.parseLong(second.get("timestamp")),
          second.get("body"), second.get("signature"))).isTrue();
    }
    assertThat(second.get("signature").split(" ")).hasSize(2);

    // SES reports the first email opened twice and clicked, as its open and click tracking does: the message notes
    // the first of each, its status stays, and the summary counts one open and one click.
    String messageId = emailMessage(distribution);
    ses(messageId, email, "Email Opened", "\"open\":{\"timestamp\":\"2026-11-25T10:01:00Z\",\"userAgent\":\"x\"}");
    ses(messageId, email, "Email Opened", "\"open\":{\"timestamp\":\"2026-11-25T10:02:00Z\",\"userAgent\":\"x\"}");
    ses(messageId, email, "Email Clicked", "\"click\":{\"timestamp\":\"2026-11-25T10:03:00Z\","
        + "\"link\":\"https://acme.test/\",\"userAgent\":\"x\"}");
    await().atMost(Duration.ofSeconds(20)).until(() -> summary(distribution).path("engagement").path("clicked")
        .asInt() == 1);
    assertThat(summary(distribution).path("engagement").path("opened").asInt()).isEqualTo(1);
    JsonNode opened = message(distribution, messageId);
    assertThat(opened.path("status").asText()).isEqualTo("SENT");
    assertThat(opened.path("opened_at").isTextual()).as("opened_at %s", opened).isTrue();
    assertThat(opened.path("clicked_at").isTextual()).as("clicked_at %s", opened).isTrue();

    // SES reports a hard bounce of the first email: the message is BOUNCED and the address suppressed.
    bounce(messageId, email);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/suppressions").body().toString().contains(email));
    assertThat(summary(distribution).path("channels").path("email").path("BOUNCED").asInt()).isEqualTo(1);
  }

  private static void post(String source, String id) {
    assertThat(api.post("/v1/events", "{\"event\":\"joined_" + source + "\",\"customer\":{\"source_id\":\"" + source
        + "\"},\"id\":\"" + source + "-" + id + "\"}").status()).isEqualTo(202);
  }

  private static JsonNode summary(String distribution) {
    return api.get("/v1/distributions/" + distribution + "/summary").body();
  }

  private static String emailMessage(String distribution) {
    for (JsonNode m : api.get("/v1/distributions/" + distribution + "/messages").body().path("data")) {
      if (m.path("channel").asText().equals("email") && m.path("status").asText().equals("SENT")) {
        return m.path("id").asText();
      }
    }
    throw new AssertionError("no sent email message");
  }

  private static JsonNode message(String distribution, String id) {
    for (JsonNode m : api.get("/v1/distributions/" + distribution + "/messages").body().path("data")) {
      if (m.path("id").asText().equals(id)) return m;
    }
    throw new AssertionError("no message " + id);
  }

  /** An SES open or click event as SES puts it on the default bus, tagged with Herald's message id. */
  private static void ses(String messageId, String address, String detailType, String what) {
    String type = detailType.equals("Email Opened") ? "Open" : "Click";
    putSes(detailType, "{\"eventType\":\"" + type + "\"," + what + ",\"mail\":{\"timestamp\":"
        + "\"2026-11-25T10:00:00Z\",\"source\":\"hello@acme.test\",\"messageId\":\"ses-1\",\"destination\":[\""
        + address + "\"],\"tags\":{\"herald_message_id\":[\"" + messageId + "\"]}}}");
  }

  /** An SES bounce event as SES puts it on the default bus, tagged with Herald's message id. */
  private static void bounce(String messageId, String address) {
    String detail = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
        + "\"bouncedRecipients\":[{\"emailAddress\":\"" + address + "\"}],\"timestamp\":\"2026-11-25T10:00:00Z\"},"
        + "\"mail\":{\"timestamp\":\"2026-11-25T10:00:00Z\",\"source\":\"hello@acme.test\",\"messageId\":\"ses-1\","
        + "\"destination\":[\"" + address + "\"],\"tags\":{\"herald_message_id\":[\"" + messageId + "\"]}}}";
    putSes("Email Bounced", detail);
  }

  private static void putSes(String detailType, String detail) {
    try (EventBridgeClient bus = EventBridgeClient.builder().endpointOverride(URI.create(runtime.endpoints().aws()))
        .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
      bus.putEvents(r -> r.entries(e -> e.source("aws.ses").detailType(detailType).detail(detail)));
    }
  }
}
