package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.FanoutJobJson;
import herald.adapters.json.ManualStartJson;
import herald.domain.events.TriggerEvent;
import herald.domain.fanout.FanoutJob;
import herald.domain.manual.ManualStart;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Dead letters on the local runtime: a fan-out shard that reached the fan-out DLQ is shown as failed with its segment
 * and distribution, and redriven from the API it reaches the members it had not reached, and no one twice (the
 * sender's claims); a manual send whose start dead-lettered is stopped rather than left waiting.
 */
class DeadLettersEndToEndTest {
  private static final String SECRET = "whsec_YS13ZWJob29rLXNlY3JldC1vZi0zMi1jaGFyYWN0ZXJz";
  private static LocalRuntime runtime;
  private static Http api;
  private static HookReceiver receiver;
  private static SqsClient sqs;

  @BeforeAll
  static void start() throws IOException {
    runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template()));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
    receiver = new HookReceiver();
    sqs = SqsClient.builder().endpointOverride(URI.create(runtime.endpoints().sqs())).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    receiver.close();
    runtime.close();
  }

  @Test
  void aDeadLetteredFanoutShardIsShownAndRedrivenOnceWithoutSendingAnyoneTwice() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 20; i++) members.add(upsert("m-" + i + "-" + tag));
    String segment = created(api.post("/v1/segments", "{\"name\":\"Shard " + tag + "\",\"type\":\"static\","
        + "\"customer_ids\":" + Json.write(members) + "}"));
    String distribution = created(api.post("/v1/distributions", "{\"name\":\"Shard hook\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"sale_" + tag + "\"}},\"audience\":{\"type\":\"segment\","
        + "\"segment_id\":\"" + segment + "\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":"
        + "\"webhook\",\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\"}]}"));
    assertThat(api.post("/v1/distributions/" + distribution + "/activate", null).status()).isEqualTo(200);
    String outsider = upsert("outsider-" + tag);
    assertThat(api.post("/v1/events", "{\"event\":\"sale_" + tag + "\",\"customer\":{\"source_id\":\"outsider-"
        + tag + "\"}}").status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.from(distribution).size() >= 20);
    JsonNode sent = receiver.from(distribution).get(0).path("event");

    // The shard's job failed after queuing what it had queued, and went to the fan-out DLQ; a member joined since.
    String late = upsert("late-" + tag);
    assertThat(api.post("/v1/segments/" + segment + "/members", "{\"customer_ids\":[\"" + late + "\"]}").status())
        .isEqualTo(200);
    TriggerEvent event = new TriggerEvent(sent.path("id").asText(), sent.path("type").asText(),
        Instant.parse(sent.path("created_at").asText()), new TriggerEvent.CustomerRef(outsider, null),
        Json.toMap(sent.path("data")));
    int shard = shardOf(segment, late);   // the late member's shard: its job is the one that dead-lettered
    sqs.sendMessage(r -> r.queueUrl(runtime.queueUrls().get("FanoutDLQ"))
        .messageBody(FanoutJobJson.write(FanoutJob.forEvent(distribution, segment, shard, event))));

    await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters(distribution).size() == 1);
    JsonNode failed = deadLetters(distribution).get(0);
    assertThat(failed.path("queue").asText()).isEqualTo("fanout");
    assertThat(failed.path("segment_id").asText()).isEqualTo(segment);
    assertThat(failed.path("shard").asInt()).isEqualTo(shard);
    assertThat(failed.path("event_id").asText()).isEqualTo(event.id());
    assertThat(failed.path("redrivable").asBoolean()).isTrue();
    assertThat(api.get("/v1/dead-letters?queue=fanout").body().path("data").toString()).contains(failed.path("id").asText());

    Http.Reply redriven = api.post("/v1/distributions/" + distribution + "/dead-letters/redrive", null);
    assertThat(redriven.status()).isEqualTo(200);
    assertThat(redriven.body().path("data")).hasSize(1);
    assertThat(api.post("/v1/distributions/" + distribution + "/dead-letters/redrive", null).body().path("data"))
        .as("redriven once").isEmpty();
    assertThat(api.post("/v1/dead-letters/" + failed.path("id").asText() + "/redrive", null).body().path("code")
        .asText()).isEqualTo("already_redriven");

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.from(distribution).size() >= 21);
    sleep(3000);   // the redriven shard's send jobs for the 20 reached before have all been through the sender
    List<String> reached = receiver.from(distribution).stream()
        .map(h -> h.path("data").path("customer").path("id").asText()).toList();
    List<String> everyone = new ArrayList<>(members);
    everyone.add(late);
    assertThat(reached).containsExactlyInAnyOrderElementsOf(everyone);   // each once: no one sent twice
    assertThat(deadLetters(distribution).get(0).path("redriven_at").isTextual()).isTrue();
  }

  @Test
  void aManualSendWhoseStartDeadLetteredIsStoppedAndShowsWhy() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = upsert("manual-" + tag);
    String distribution = created(api.post("/v1/distributions", "{\"name\":\"Manual " + tag + "\",\"trigger\":"
        + "{\"type\":\"manual\"},\"audience\":{\"type\":\"customer\",\"customer_id\":\"" + customer + "\"},"
        + "\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"webhook\",\"url\":\"" + receiver.url()
        + "\",\"secret\":\"" + SECRET + "\"}]}"));
    String token = api.post("/v1/distributions/" + distribution + "/send", null).body().path("confirmation_token")
        .asText();
    Http.Reply scheduled = api.post("/v1/distributions/" + distribution + "/send", "{\"confirmation_token\":\""
        + token + "\",\"send_at\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}");
    assertThat(scheduled.status()).as(String.valueOf(scheduled.body())).isEqualTo(202);
    String scheduleId = scheduleOf(distribution);

    sqs.sendMessage(r -> r.queueUrl(runtime.queueUrls().get("ManualDLQ"))
        .messageBody(ManualStartJson.write(new ManualStart(distribution, scheduleId))));

    await().atMost(Duration.ofSeconds(20)).until(() -> "STOPPED".equals(
        api.get("/v1/distributions/" + distribution).body().path("status").asText()));
    assertThat(deadLetters(distribution)).singleElement().satisfies(d -> {
      assertThat(d.path("queue").asText()).isEqualTo("manual");
      assertThat(d.path("event_id").asText()).isEqualTo(scheduleId);
      assertThat(d.path("redrivable").asBoolean()).isFalse();
    });
    assertThat(api.get("/v1/distributions/" + distribution + "/activity").body().toString()).contains("start_failed");
  }

  /** The shard of the segment the customer is in (as the segment's adapter reads it). */
  private static int shardOf(String segment, String customer) {
    var env = runtime.functions().get("ApiFunction").env();
    try (var dynamo = herald.testing.StandIns.dynamo(env)) {
      return new herald.adapters.dynamodb.DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE")).get(segment).orElseThrow()
          .shardOf(customer);
    }
  }

  private static String scheduleOf(String distribution) {
    var env = runtime.functions().get("ApiFunction").env();
    try (var dynamo = herald.testing.StandIns.dynamo(env)) {
      var item = dynamo.getItem(r -> r.tableName(env.get("DISTRIBUTIONS_TABLE"))
          .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(distribution)))).item();
      String document = item.toString();
      var m = java.util.regex.Pattern.compile("sch_[0-9a-f]+").matcher(document);
      assertThat(m.find()).as(document).isTrue();
      return m.group();
    }
  }

  private static List<JsonNode> deadLetters(String distribution) {
    Http.Reply reply = api.get("/v1/distributions/" + distribution + "/dead-letters");
    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    reply.body().path("data").forEach(list::add);
    return list;
  }

  private static String upsert(String sourceId) {
    Http.Reply reply = api.post("/v1/customers", "{\"source_id\":\"" + sourceId + "\"}");
    assertThat(reply.status()).as(String.valueOf(reply.body())).isIn(200, 201);
    return reply.body().path("id").asText();
  }

  private static String created(Http.Reply reply) {
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    return reply.body().path("id").asText();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
