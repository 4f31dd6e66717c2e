package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.EventBridgeBus;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.Segment;
import herald.domain.segments.SettleMembership;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.AwsModule;
import herald.platform.Env;
import herald.testing.StandIns;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The scheduled refresh on the local runtime: a customer in "ordered in the last 30 days" whose last order is now
 * 40 days old leaves the segment when the SegmentsFunction's schedule comes due; the left event reaches a webhook
 * once. The schedule is rate(1 day) in template.yaml, so the test runs it now ({@code LocalSchedules#fire}).
 */
class SegmentRefreshEndToEndTest {
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
  void aCustomerWhoseLastOrderIsNoLongerRecentLeavesWhenTheScheduledRefreshRuns() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Env env = runtime.functions().get("SegmentsFunction").env();
    String customerId = Customer.idFor("ada-refresh");
    try (EventBridgeClient events = AwsModule.configure(EventBridgeClient.builder(), env, "EVENTBRIDGE").build()) {
      new EventBridgeBus(events, env.get("EVENT_BUS_NAME")).put(new TriggerEvent("evt_order_ada_refresh",
          "customer.order.paid", now.minus(Duration.ofDays(40)), new TriggerEvent.CustomerRef(customerId,
              "ada-refresh"), Map.of("order", Map.of("id", "ord_1", "amount", 5000, "total_amount", 5000,
                  "currency", "EUR", "status", "PAID"))));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/customers/" + customerId).status() == 200
        && !api.get("/v1/customers/" + customerId).body().at("/orders/last_order_at").isNull());

    Http.Reply created = api.post("/v1/segments", "{\"name\":\"Ordered lately\",\"type\":\"auto-update\","
        + "\"rules\":{\"field\":\"orders.last_order_at\",\"operator\":\"after\",\"value\":{\"days_ago\":30}}}");
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String segmentId = created.body().path("id").asText();
    String firstEvaluation = created.body().at("/evaluation/async_action_id").asText();
    awaitDone(firstEvaluation);
    assertThat(memberCount(segmentId)).as("her order is 40 days old").isZero();
    enteredTwentyDaysAgo(env, segmentId, customerId, now.minus(Duration.ofDays(20)));
    assertThat(memberCount(segmentId)).isEqualTo(1);
    String distribution = leftWebhook(segmentId);

    runtime.schedules().fire("SegmentsFunction", "SegmentRefresh");

    await().atMost(Duration.ofSeconds(30)).until(() -> memberCount(segmentId) == 0);
    JsonNode segment = api.get("/v1/segments/" + segmentId).body();
    String refresh = segment.at("/evaluation/async_action_id").asText();
    assertThat(refresh).isNotEqualTo(firstEvaluation);
    JsonNode action = awaitDone(refresh);
    assertThat(action.path("type").asText()).isEqualTo("segment.evaluation");
    assertThat(action.path("progress").path("left").asInt()).isEqualTo(1);
    assertThat(action.path("progress").path("customers_evaluated").asInt()).isEqualTo(1);
    assertThat(segment.path("version").asInt()).isEqualTo(created.body().path("version").asInt());
    await().atMost(Duration.ofSeconds(20)).until(() -> hooksFor(distribution).size() == 1);
    sleep(1500);
    assertThat(hooksFor(distribution)).singleElement().satisfies(h -> {
      assertThat(h.path("event").path("type").asText()).isEqualTo("customer.segment.left");
      assertThat(h.path("data").path("customer").path("id").asText()).isEqualTo(customerId);
    });
  }

  /** Her membership as an evaluation at {@code then} left it, when her order was 20 days old. */
  private static void enteredTwentyDaysAgo(Env env, String segmentId, String customerId, Instant then) {
    try (DynamoDbClient dynamo = StandIns.dynamo(env)) {
      DynamoDbSegments segments = new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE"));
      Segment segment = segments.get(segmentId).orElseThrow();
      DynamoDbCustomers customers = new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"));
      Customer customer = customers.get(customerId).orElseThrow();
      Clock clock = Clock.fixed(then, ZoneOffset.UTC);
      new EvaluateSegments(segments, new SettleMembership(new DynamoDbMemberships(dynamo,
          env.get("SEGMENT_MEMBERS_TABLE")), e -> { }, clock), customers, clock)
          .evaluate(segment, customer).orElseThrow();
    }
  }

  private static JsonNode awaitDone(String actionId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/v1/async-actions/" + actionId).body()
        .path("status").asText().equals("DONE"));
    return api.get("/v1/async-actions/" + actionId).body();
  }

  private static int memberCount(String segmentId) {
    return api.get("/v1/segments/" + segmentId).body().path("member_count").asInt();
  }

  private static String leftWebhook(String segmentId) {
    String hookUrl = receiver.url();
    Http.Reply created = api.post("/v1/distributions", "{\"name\":\"Lapsed\",\"trigger\":{\"type\":"
        + "\"customer.segment.left\",\"filters\":{\"segment_id\":\"" + segmentId + "\"}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"webhook\",\"url\":\""
        + hookUrl + "\",\"secret\":\"" + SECRET + "\"}]}");
    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    String id = created.body().path("id").asText();
    Http.Reply activated = api.post("/v1/distributions/" + id + "/activate", null);
    assertThat(activated.body().path("status").asText()).as(activated.body().toString()).isEqualTo("ACTIVE");
    return id;
  }

  private static List<JsonNode> hooksFor(String distribution) {
    return receiver.from(distribution);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
