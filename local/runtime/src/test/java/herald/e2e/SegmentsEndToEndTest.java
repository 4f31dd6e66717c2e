package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.intake.UpsertCustomer;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Segments driving sends on the local runtime, a webhook receiver counting what arrives: entered events for an
 * auto-update segment, a segment audience fanned out to every member, and existing members included on activation;
 * customer changes flowing from the api through the customer changes queue to the segments function, or, when
 * never announced, through the sweep.
 */
class SegmentsEndToEndTest {
  private static final String SECRET = "whsec_YS13ZWJob29rLXNlY3JldC1vZi0zMi1jaGFyYWN0ZXJz";
  private static LocalRuntime runtime;
  private static Http api;
  private static HookReceiver receiver;

  @BeforeAll
  static void start() throws IOException {
    runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template()));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
    receiver = new HookReceiver();
  }

  @AfterAll
  static void stop() {
    receiver.close();
    runtime.close();
  }

  @Test
  void anEnteredDistributionCallsTheWebhookOncePerEntryIntoAnAutoUpdateSegment() {
    String tag = tag();
    String segment = created(api.post("/v1/segments", "{\"name\":\"Gold " + tag + "\",\"type\":\"auto-update\","
        + "\"rules\":{\"and\":[{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold-"
        + tag + "\"}]}}"));
    String distribution = activeWebhook("{\"type\":\"customer.segment.entered\",\"filters\":{\"segment_id\":\""
        + segment + "\"}}", "{\"type\":\"event_customer\"}");

    String customer = upsert("lin-" + tag, "gold-" + tag);
    await().atMost(Duration.ofSeconds(20)).until(() -> hooksFor(distribution).size() == 1);
    upsert("lin-" + tag, "gold-" + tag);              // no change: no transition, no event
    upsert("lin-" + tag, "silver-" + tag);            // left: this distribution is for entries only
    sleep(2000);
    assertThat(hooksFor(distribution)).hasSize(1);
    upsert("lin-" + tag, "gold-" + tag);              // entered again: a second transition
    await().atMost(Duration.ofSeconds(20)).until(() -> hooksFor(distribution).size() == 2);
    sleep(1500);

    List<JsonNode> calls = hooksFor(distribution);
    assertThat(calls).hasSize(2);
    assertThat(calls).allSatisfy(h -> {
      assertThat(h.path("data").path("customer").path("id").asText()).isEqualTo(customer);
      assertThat(h.path("event").path("type").asText()).isEqualTo("customer.segment.entered");
    });
    assertThat(calls.get(0).path("id").asText()).isNotEqualTo(calls.get(1).path("id").asText());
  }

  @Test
  void anEventForASegmentAudienceReachesEveryMemberOnce() {
    String tag = tag();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 25; i++) members.add(upsert("member-" + i + "-" + tag, "basic"));
    String segment = created(api.post("/v1/segments", "{\"name\":\"Sale " + tag + "\",\"type\":\"static\","
        + "\"customer_ids\":" + Json.write(members) + "}"));
    String distribution = activeWebhook("{\"type\":\"customer.custom_event\",\"filters\":{\"event\":\"sale_" + tag
        + "\"}}", "{\"type\":\"segment\",\"segment_id\":\"" + segment + "\"}");
    upsert("outsider-" + tag, "basic");

    assertThat(api.post("/v1/events", "{\"event\":\"sale_" + tag + "\",\"customer\":{\"source_id\":\"outsider-"
        + tag + "\"}}").status()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(30)).until(() -> hooksFor(distribution).size() >= 25);
    sleep(1500);
    assertThat(hooksFor(distribution)).extracting(h -> h.path("data").path("customer").path("id").asText())
        .containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void existingMembersAreIncludedOnceThroughRetriedAndRepeatedActivations() {
    String tag = tag();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 12; i++) members.add(upsert("early-" + i + "-" + tag, "basic"));
    String segment = created(api.post("/v1/segments", "{\"name\":\"Club " + tag + "\",\"type\":\"static\","
        + "\"customer_ids\":" + Json.write(members) + "}"));
    sleep(2000);   // their entered events have been through the trigger before the distribution exists
    String trigger = "{\"type\":\"customer.segment.entered\",\"filters\":{\"segment_id\":\"" + segment
        + "\",\"include_existing_members\":true}}";
    String distribution = activeWebhook(trigger, "{\"type\":\"event_customer\"}");

    await().atMost(Duration.ofSeconds(30)).until(() -> hooksFor(distribution).size() >= 12);
    assertThat(api.post("/v1/distributions/" + distribution + "/activate", null).status()).isEqualTo(200);
    assertThat(api.post("/v1/distributions/" + distribution + "/pause", null).status()).isEqualTo(200);
    assertThat(api.post("/v1/distributions/" + distribution + "/activate", null).status()).isEqualTo(200);
    String late = upsert("late-" + tag, "basic");
    assertThat(api.post("/v1/segments/" + segment + "/members", "{\"customer_ids\":[\"" + late + "\"]}").status())
        .isEqualTo(200);
    members.add(late);
    await().atMost(Duration.ofSeconds(30)).until(() -> hooksFor(distribution).size() >= 13);
    sleep(3000);   // the fan-outs of the second and third activation, and their send jobs, have run by now

    assertThat(hooksFor(distribution)).extracting(h -> h.path("data").path("customer").path("id").asText())
        .containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void anUpsertReachesItsSegmentsWithinSecondsThroughTheCustomerChangesQueue() {
    String tag = tag();
    String segment = goldSegment(tag);
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      upsert("quick-" + i + "-" + tag, "gold-" + tag);
      int members = i + 1;
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> memberCount(segment) == members);
      millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
    }
    List<Long> sorted = millis.stream().sorted().toList();
    System.out.println("[herald-e2e] upsert answered to member counted: median " + sorted.get(sorted.size() / 2)
        + " ms, max " + sorted.getLast() + " ms, of " + millis);
  }

  @Test
  void aCustomerSavedButNeverAnnouncedEntersWhenTheSweepRunsAndOnlyOnce() {
    String tag = tag();
    String segment = goldSegment(tag);
    String distribution = activeWebhook("{\"type\":\"customer.segment.entered\",\"filters\":{\"segment_id\":\""
        + segment + "\"}}", "{\"type\":\"event_customer\"}");
    Env env = runtime.functions().get("ApiFunction").env();
    Clock threeMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-3));
    String customer;
    try (DynamoDbClient dynamo = StandIns.dynamo(env)) {
      // the api died between saving her and announcing her: the change is marked, never announced
      customer = new UpsertCustomer(new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"), threeMinutesAgo),
          CustomerChanges.NONE, threeMinutesAgo).upsert(new CustomerProfile("lost-" + tag, null, null, null,
              Map.of("plan", "gold-" + tag))).id();
    }
    sleep(1500);
    assertThat(hooksFor(distribution)).isEmpty();

    runtime.schedules().fire("SegmentsFunction", "ChangeSweep");
    await().atMost(Duration.ofSeconds(20)).until(() -> hooksFor(distribution).size() == 1);
    runtime.schedules().fire("SegmentsFunction", "ChangeSweep");
    sleep(2000);

    assertThat(hooksFor(distribution)).singleElement()
        .satisfies(h -> assertThat(h.path("data").path("customer").path("id").asText()).isEqualTo(customer));
    assertThat(memberCount(segment)).isEqualTo(1);
  }

  @Test
  void anErasedCustomerLeavesWithOneLeftEventAndIsForgotten() {
    String tag = tag();
    String segment = goldSegment(tag);
    String distribution = activeWebhook("{\"type\":\"customer.segment.left\",\"filters\":{\"segment_id\":\""
        + segment + "\"}}", "{\"type\":\"event_customer\"}");
    String customer = upsert("gone-" + tag, "gold-" + tag);
    await().atMost(Duration.ofSeconds(20)).until(() -> memberCount(segment) == 1);

    assertThat(api.send("DELETE", "/v1/customers/" + customer, null).status()).isEqualTo(204);

    assertThat(api.get("/v1/customers/" + customer).status()).isEqualTo(404);
    await().atMost(Duration.ofSeconds(20)).until(() -> memberCount(segment) == 0);
    Env env = runtime.functions().get("ApiFunction").env();
    try (DynamoDbClient dynamo = StandIns.dynamo(env)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> !dynamo.getItem(r -> r.tableName(env.get("CUSTOMERS_TABLE"))
          .key(Map.of("id", AttributeValue.fromS(customer)))).hasItem());
    }
    // the left event was put once: one message for it (whatever the sender makes of a customer who is no more)
    await().atMost(Duration.ofSeconds(20)).until(() -> messages(distribution) == 1);
    sleep(1500);
    assertThat(messages(distribution)).isEqualTo(1);
  }

  @Test
  void anErasedCustomersSourceIdMakesANewCustomerAMomentLaterWithoutTheirFormerMemberships() {
    String tag = tag();
    String gold = goldSegment(tag);
    String customer = upsert("again-" + tag, "gold-" + tag);
    String vip = created(api.post("/v1/segments", "{\"name\":\"VIP " + tag + "\",\"type\":\"static\","
        + "\"customer_ids\":[\"" + customer + "\"]}"));
    await().atMost(Duration.ofSeconds(20)).until(() -> memberCount(gold) == 1);

    assertThat(api.send("DELETE", "/v1/customers/" + customer, null).status()).isEqualTo(204);
    assertThat(upsert("again-" + tag, "gold-" + tag)).as("the same id, derived from the source id").isEqualTo(customer);

    await().atMost(Duration.ofSeconds(20)).until(() -> memberCount(vip) == 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> memberCount(gold) == 1);
    assertThat(api.get("/v1/customers/" + customer).status()).isEqualTo(200);
  }

  private static String goldSegment(String tag) {
    return created(api.post("/v1/segments", "{\"name\":\"Gold " + tag + "\",\"type\":\"auto-update\","
        + "\"rules\":{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold-" + tag + "\"}}"));
  }

  private static int memberCount(String segment) {
    return api.get("/v1/segments/" + segment).body().path("member_count").asInt();
  }

  private static int messages(String distribution) {
    return api.get("/v1/distributions/" + distribution + "/messages").body().path("data").size();
  }

  private static String activeWebhook(String trigger, String audience) {
    String hookUrl = receiver.url();
    String id = created(api.post("/v1/distributions", "{\"name\":\"Segment hook\",\"trigger\":" + trigger
        + ",\"audience\":" + audience + ",\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"webhook\","
        + "\"url\":\"" + hookUrl + "\",\"secret\":\"" + SECRET + "\"}]}"));
    Http.Reply activated = api.post("/v1/distributions/" + id + "/activate", null);
    assertThat(activated.body().path("status").asText()).as(activated.body().toString()).isEqualTo("ACTIVE");
    return id;
  }

  /** Upserts the customer with metadata.plan; returns their id. */
  private static String upsert(String sourceId, String plan) {
    Http.Reply reply = api.post("/v1/customers", "{\"source_id\":\"" + sourceId + "\",\"metadata\":{\"plan\":\""
        + plan + "\"}}");
    assertThat(reply.status()).as(String.valueOf(reply.body())).isIn(200, 201);
    return reply.body().path("id").asText();
  }

  private static String created(Http.Reply reply) {
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    return reply.body().path("id").asText();
  }

  private static List<JsonNode> hooksFor(String distribution) {
    return receiver.from(distribution);
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
