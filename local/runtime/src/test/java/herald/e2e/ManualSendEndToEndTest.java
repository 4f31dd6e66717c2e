package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Json;
import herald.testing.SesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Manual sends on the local runtime with a 2-second grace period (ManualGraceSeconds=2, as
 * {@code ./herald local --parameter-overrides ManualGraceSeconds=2} gives it): the confirmation step, a stop and an
 * edit during the grace period, a send to one customer and to a segment, and sends scheduled for later.
 */
class ManualSendEndToEndTest {
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static LocalRuntime runtime;
  private static Http api;
  private static SesStore mail;

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template())
        .withParameterOverrides(Map.of("ManualGraceSeconds", Long.toString(GRACE.toSeconds()),
            "ActiveDistributionsCacheSeconds", "0")));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
    mail = new SesStore(runtime.endpoints().ses());
    api.put("/v1/settings/brand", "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\","
        + "\"postal_address\":\"1 Market Street, Springfield\"}");
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void theManualQueueDelaysByTheOverriddenGracePeriod() {
    String url = runtime.queueUrls().get("ManualQueue");
    var attributes = software.amazon.awssdk.services.sqs.SqsClient.builder()
        .endpointOverride(java.net.URI.create(runtime.endpoints().sqs()))
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()
        .getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("DelaySeconds")).attributesAsStrings();
    assertThat(attributes.get("DelaySeconds")).isEqualTo("2");
  }

  @Test
  void theDryRunChangesNothingAndItsTokenConfirmsOnlyTheVersionItDescribed() {
    String email = "dry-" + tag() + "@example.com";
    String distribution = manualTo(customer(email), "Dry run");

    Http.Reply dry = api.post("/v1/distributions/" + distribution + "/send", null);
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
    assertThat(dry.body().path("audience_size").asLong()).isEqualTo(1);
    assertThat(dry.body().path("messages").asLong()).isEqualTo(1);
    assertThat(dry.body().path("channels").get(0).asText()).isEqualTo("email");
    assertThat(dry.body().path("quota").toString()).as("the local runtime's account is paid: no count limit")
        .isEqualTo("{\"would_send\":1,\"would_skip\":0,\"left\":null}");
    assertThat(Instant.parse(dry.body().path("expires_at").asText())).isAfter(Instant.now());
    assertThat(get(distribution).path("status").asText()).isEqualTo("DRAFT");

    Http.Reply garbage = confirm(distribution, "123.not-a-signature");
    assertThat(garbage.status()).isEqualTo(409);
    assertThat(garbage.body().path("code").asText()).isEqualTo("confirmation_token_invalid");

    JsonNode current = get(distribution);
    ((com.fasterxml.jackson.databind.node.ObjectNode) current).put("name", "Dry run, edited");
    assertThat(api.put("/v1/distributions/" + distribution, current.toString()).status()).isEqualTo(200);
    Http.Reply foreign = confirm(distribution, dry.body().path("confirmation_token").asText());
    assertThat(foreign.status()).isEqualTo(409);
    assertThat(foreign.body().path("code").asText()).isEqualTo("confirmation_token_invalid");
    assertThat(get(distribution).path("status").asText()).isEqualTo("DRAFT");

    Http.Reply tooSoon = api.post("/v1/distributions/" + distribution + "/send", "{\"confirmation_token\":\""
        + token(distribution) + "\",\"send_at\":\"" + Instant.now().minusSeconds(60) + "\"}");
    assertThat(tooSoon.status()).isEqualTo(400);
    assertThat(tooSoon.body().path("field").asText()).isEqualTo("send_at");

    Instant before = Instant.now();
    Http.Reply scheduled = confirm(distribution, token(distribution));
    assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(202);
    assertThat(scheduled.body().path("status").asText()).isEqualTo("SCHEDULED");
    assertThat(Instant.parse(scheduled.body().path("send_at").asText()))
        .isBetween(before.plus(GRACE).minusSeconds(1), Instant.now().plus(GRACE).plusSeconds(1));
    awaitStatus(distribution, "DONE");
    assertThat(mail.to(email)).hasSize(1);
  }

  @Test
  void sendsNothingWhenStoppedDuringGracePeriod() throws InterruptedException {
    String email = "stop-" + tag() + "@example.com";
    String distribution = manualTo(customer(email), "Stopped");
    assertThat(confirm(distribution, token(distribution)).status()).isEqualTo(202);

    Http.Reply stopped = api.post("/v1/distributions/" + distribution + "/stop", null);
    assertThat(stopped.body().path("status").asText()).isEqualTo("STOPPED");

    Thread.sleep(GRACE.plusSeconds(3).toMillis());
    assertThat(get(distribution).path("status").asText()).isEqualTo("STOPPED");
    assertThat(mail.to(email)).isEmpty();
    assertThat(api.get("/v1/distributions/" + distribution + "/messages").body().path("data")).isEmpty();
  }

  @Test
  void sendsTheEditedVersionWhenEditedDuringGracePeriod() {
    String email = "edit-" + tag() + "@example.com";
    String distribution = manualTo(customer(email), "Before the edit");
    assertThat(confirm(distribution, token(distribution)).status()).isEqualTo(202);

    JsonNode current = get(distribution);
    ((com.fasterxml.jackson.databind.node.ObjectNode) current.path("channels").get(0)).put("subject", "After the edit");
    Http.Reply edited = api.put("/v1/distributions/" + distribution, current.toString());
    assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
    assertThat(edited.body().path("status").asText()).isEqualTo("SCHEDULED");

    awaitStatus(distribution, "DONE");
    assertThat(mail.to(email)).singleElement()
        .satisfies(m -> assertThat(m.path("subject").asText()).isEqualTo("After the edit"));
  }

  @Test
  void sendsToEveryMemberOfASegmentAfterTheGracePeriodAndShowsProgress() {
    String tag = tag();
    List<String> emails = List.of("a-" + tag + "@example.com", "b-" + tag + "@example.com",
        "c-" + tag + "@example.com");
    List<String> members = emails.stream().map(ManualSendEndToEndTest::customer).toList();
    String segment = api.post("/v1/segments", "{\"name\":\"Manual " + tag + "\",\"type\":\"static\","
        + "\"customer_ids\":" + Json.write(members) + "}").body().path("id").asText();
    String distribution = create("{\"type\":\"segment\",\"segment_id\":\"" + segment + "\"}", "To the segment");

    Http.Reply dry = api.post("/v1/distributions/" + distribution + "/send", null);
    assertThat(dry.body().path("audience_size").asLong()).isEqualTo(3);
    assertThat(confirm(distribution, dry.body().path("confirmation_token").asText()).status()).isEqualTo(202);

    awaitStatus(distribution, "DONE");
    for (String email : emails) assertThat(mail.to(email)).hasSize(1);
    JsonNode progress = api.get("/v1/distributions/" + distribution + "/summary").body().path("progress");
    assertThat(progress.path("audience_read").asBoolean()).isTrue();
    assertThat(progress.path("total").asLong()).isEqualTo(3);
    assertThat(progress.path("sent").asLong()).isEqualTo(3);
    assertThat(progress.path("queued").asLong()).isZero();
  }

  @Test
  void aScheduledSendGoesOutAtItsTime() {
    String email = "later-" + tag() + "@example.com";
    String distribution = manualTo(customer(email), "Later");
    Instant sendAt = Instant.now().plusSeconds(6);
    Http.Reply scheduled = api.post("/v1/distributions/" + distribution + "/send", "{\"confirmation_token\":\""
        + token(distribution) + "\",\"send_at\":\"" + sendAt + "\"}");
    assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(202);
    assertThat(Instant.parse(scheduled.body().path("send_at").asText())).isEqualTo(sendAt);

    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> mail.to(email).isEmpty());
    awaitStatus(distribution, "DONE");
    assertThat(mail.to(email)).hasSize(1);
  }

  @Test
  void aSendMoreThanFifteenMinutesAheadBecomesAOneTimeScheduleThatCanStillBeStopped() {
    String email = "next-week-" + tag() + "@example.com";
    String distribution = manualTo(customer(email), "Next week");
    Instant sendAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Http.Reply scheduled = api.post("/v1/distributions/" + distribution + "/send", "{\"confirmation_token\":\""
        + token(distribution) + "\",\"send_at\":\"" + sendAt + "\"}");
    assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(202);

    JsonNode request = runtime.scheduler().created().stream().map(Json::parse)
        .filter(r -> r.path("Target").path("Input").asText().contains(distribution)).findFirst().orElseThrow();
    assertThat(request.path("ScheduleExpression").asText())
        .isEqualTo("at(" + sendAt.minus(GRACE).toString().replace("Z", "") + ")");
    assertThat(request.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
    assertThat(request.path("Target").path("Arn").asText()).endsWith(":ManualQueue");
    assertThat(request.path("Target").path("RoleArn").asText()).contains(":role/");

    assertThat(api.post("/v1/distributions/" + distribution + "/stop", null).body().path("status").asText())
        .isEqualTo("STOPPED");
  }

  private static String token(String distribution) {
    return api.post("/v1/distributions/" + distribution + "/send", null).body().path("confirmation_token").asText();
  }

  private static Http.Reply confirm(String distribution, String token) {
    return api.post("/v1/distributions/" + distribution + "/send", "{\"confirmation_token\":\"" + token + "\"}");
  }

  private static JsonNode get(String distribution) {
    return api.get("/v1/distributions/" + distribution).body();
  }

  private static void awaitStatus(String distribution, String status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> get(distribution).path("status").asText().equals(status));
  }

  private static String customer(String email) {
    return api.post("/v1/customers", "{\"source_id\":\"" + email + "\",\"name\":\"Ada\",\"email\":\"" + email + "\"}")
        .body().path("id").asText();
  }

  private static String manualTo(String customerId, String subject) {
    return create("{\"type\":\"customer\",\"customer_id\":\"" + customerId + "\"}", subject);
  }

  private static String create(String audience, String subject) {
    Http.Reply created = api.post("/v1/distributions", "{\"name\":\"" + subject + "\",\"trigger\":{\"type\":\"manual\"},"
        + "\"audience\":" + audience + ",\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"" + subject + "\",\"text\":\"Hello {{customer.name}}\"}]}");
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    return created.body().path("id").asText();
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
