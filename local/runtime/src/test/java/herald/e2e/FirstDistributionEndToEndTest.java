package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.testing.SesStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The quick start of the README, through the local runtime started from template.yaml. */
class FirstDistributionEndToEndTest {
  private static LocalRuntime runtime;
  private static Http api;
  private static SesStore mail;

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(Options.forEndToEndTests(template()));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
    mail = new SesStore(runtime.endpoints().ses());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void aCustomEventEmailsTheCustomerOnceAndTheMessageIsListedSent() {
    String customer = "ada-" + UUID.randomUUID().toString().substring(0, 8);
    String email = customer + "@example.com";
    assertThat(api.put("/v1/settings/brand", "{\"sender_name\":\"Acme Shop\",\"sender_email\":\"hello@acme.test\","
        + "\"postal_address\":\"1 Market Street, Springfield\"}").status()).isEqualTo(200);
    Http.Reply created = api.post("/v1/customers", "{\"source_id\":\"" + customer + "\",\"name\":\"Ada Lovelace\","
        + "\"email\":\"" + email + "\",\"phone\":\"+447700900123\",\"metadata\":{\"plan\":\"gold\"}}");
    assertThat(created.status()).isEqualTo(200);
    String customerId = created.body().path("id").asText();

    String distribution = welcomeDistribution("signed_up");

    String event = "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"" + customer + "\"},"
        + "\"data\":{\"plan\":\"gold\"},\"id\":\"signup-" + customer + "\"}";
    Http.Reply accepted = api.post("/v1/events", event);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(api.post("/v1/events", event).body().path("duplicate").asBoolean()).isTrue();

    await().atMost(Duration.ofSeconds(20)).until(() -> !mail.to(email).isEmpty());
    JsonNode sent = mail.to(email).get(0);
    assertThat(sent.path("subject").asText()).isEqualTo("Hi Ada Lovelace");
    assertThat(sent.path("from").asText()).contains("hello@acme.test");
    assertThat(sent.path("body").path("html").asText()).contains("<p>Welcome Ada Lovelace</p>");

    JsonNode message = await().atMost(Duration.ofSeconds(10))
        .until(() -> onlyMessage(distribution), m -> m != null && m.path("status").asText().equals("SENT"));
    assertThat(message.path("channel").asText()).isEqualTo("email");
    assertThat(message.path("customer_id").asText()).isEqualTo(customerId);
    assertThat(message.path("event_id").asText()).isEqualTo(accepted.body().path("id").asText());
    assertThat(message.path("created_at").asText()).isNotBlank();
    assertThat(message.path("updated_at").asText()).isNotBlank();

    sleep(1500);
    assertThat(mail.to(email)).hasSize(1);
  }

  @Test
  void theOpenApiDocumentNamesThePortItIsServedOnAndBodiesThatAreNotUtf8AreRefused() throws Exception {
    assertThat(runtime.apiUrl()).doesNotEndWith(":3000");
    assertThat(api.get("/v1/openapi.json").body().at("/servers/0/url").asText()).isEqualTo(runtime.apiUrl());
    byte[] latin1 = "{\"source_id\":\"z\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(runtime.apiUrl() + "/v1/customers"))
        .header("Authorization", "Bearer " + runtime.apiKey()).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(herald.platform.Json.parse(response.body()).path("code").asText()).isEqualTo("invalid_utf8");
  }

  @Test
  void redeliveredJobsAndRepeatedBusEventsSendNothingTwice() throws Exception {
    String customer = "grace-" + UUID.randomUUID().toString().substring(0, 8);
    String email = customer + "@example.com";
    api.put("/v1/settings/brand", "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\","
        + "\"postal_address\":\"1 Market Street\"}");
    String customerId = api.post("/v1/customers", "{\"source_id\":\"" + customer + "\",\"email\":\"" + email + "\"}")
        .body().path("id").asText();
    String distribution = welcomeDistribution("joined_" + customer);

    // The same event straight onto the bus three times, as a user's system retrying PutEvents would.
    String detail = "{\"id\":\"evt-" + customer + "\",\"created_at\":\"2026-11-25T10:00:00Z\","
        + "\"customer\":{\"id\":\"" + customerId + "\",\"source_id\":\"" + customer + "\"},"
        + "\"data\":{\"event\":\"joined_" + customer + "\"}}";
    try (EventBridgeClient bus = EventBridgeClient.builder().endpointOverride(java.net.URI.create(runtime.endpoints().aws()))
        .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
      for (int i = 0; i < 3; i++) {
        bus.putEvents(r -> r.entries(e -> e.eventBusName("herald-local").source("shop.backend")
            .detailType("customer.custom_event").detail(detail)));
      }
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !mail.to(email).isEmpty());

    // The send job delivered again, as SQS may: the claim stops it.
    JsonNode message = await().atMost(Duration.ofSeconds(10))
        .until(() -> onlyMessage(distribution), m -> m != null && m.path("status").asText().equals("SENT"));
    String job = "{\"distribution_id\":\"" + distribution + "\",\"channel\":\"email\",\"customer_id\":\"" + customerId
        + "\",\"event_type\":\"customer.custom_event\",\"event\":" + detail + "}";
    try (SqsClient sqs = SqsClient.builder().endpointOverride(java.net.URI.create(runtime.endpoints().sqs()))
        .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
      String sendQueue = runtime.queueUrls().get("SendQueue");
      sqs.sendMessage(r -> r.queueUrl(sendQueue).messageBody(job));
      sqs.sendMessage(r -> r.queueUrl(sendQueue).messageBody(job));
      // Duplicates that met the message while it was being sent come back after their backoff (1 s, 2 s...).
      await().atMost(Duration.ofSeconds(30)).until(() -> queueEmpty(sqs, sendQueue));
    }
    sleep(1000);
    assertThat(mail.to(email)).hasSize(1);
    assertThat(onlyMessage(distribution).path("id").asText()).isEqualTo(message.path("id").asText());
  }

  private static String welcomeDistribution(String eventName) {
    Http.Reply created = api.post("/v1/distributions", "{\"name\":\"Welcome\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"" + eventName + "\"}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"Hi {{customer.name}}\",\"html\":\"<p>Welcome {{customer.name}}</p>\","
        + "\"text\":\"Welcome {{customer.name}}\"}]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
    String id = created.body().path("id").asText();
    Http.Reply activated = api.post("/v1/distributions/" + id + "/activate", null);
    assertThat(activated.body().path("status").asText()).isEqualTo("ACTIVE");
    return id;
  }

  private static JsonNode onlyMessage(String distribution) {
    JsonNode data = api.get("/v1/distributions/" + distribution + "/messages").body().path("data");
    assertThat(data.size()).isLessThanOrEqualTo(1);
    return data.size() == 1 ? data.get(0) : null;
  }

  private static boolean queueEmpty(SqsClient sqs, String url) {
    var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return "0".equals(attributes.get("ApproximateNumberOfMessages"))
        && "0".equals(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Path template() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("functions"))) {
        return p.resolve("template.yaml");
      }
    }
    throw new IllegalStateException("no template.yaml above the working directory");
  }
}
