package herald.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SqsCustomerChanges;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.dynamodb.DynamoDbChangedCustomers;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.SegmentRuleJson;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.intake.EraseCustomer;
import herald.domain.intake.UpsertCustomer;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.domain.segments.SettleMembership;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.EventFiles;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SegmentsHandlerTest {
  private static final String ADA = "cust_1078439aeeaf66becb7282addfb39cea";
  private static final Instant PAID_AT = Instant.parse("2026-11-25T10:05:00Z");
  private RecordingEventBridge bus;
  private Env env;
  private DynamoDbCustomers customers;
  private SegmentsHandler handler;

  @BeforeEach
  void freshStandIns() {
    bus = new RecordingEventBridge();
    env = StandIns.get().freshEnv().with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    handler = new SegmentsHandler(env);
  }

  @AfterEach
  void stopBus() {
    bus.close();
  }

  @Test
  void aPaidOrderAddsToTheCustomersOrdersAndEventCounts() throws Exception {
    new UpsertCustomer(customers, CustomerChanges.NONE, Clock.systemUTC())
        .upsert(new CustomerProfile("ada-1", "Ada", "ada@mail.example", null, Map.of("plan", "gold")));

    invoke(EventFiles.read("segments-order-paid.json"));

    Customer ada = customers.get(ADA).orElseThrow();
    Behaviour b = ada.behaviour();
    assertThat(b.orderCount()).isEqualTo(1);
    assertThat(b.orderTotalAmount()).isEqualTo(10_000);
    assertThat(b.lastOrderAt()).isEqualTo(PAID_AT);
    assertThat(b.events()).containsOnly(Map.entry("customer.order.paid", new EventStats(1, PAID_AT)));
    assertThat(ada.name()).isEqualTo("Ada");
    assertThat(ada.metadata()).containsEntry("plan", "gold");
  }

  @Test
  void anEventDeliveredTwiceCountsOnce() throws Exception {
    invoke(EventFiles.read("segments-order-paid.json"));
    invoke(EventFiles.read("segments-order-paid.json"));
    invoke(EventFiles.read("trigger-custom-event.json"));

    Behaviour b = customers.get(ADA).orElseThrow().behaviour();
    assertThat(b.orderCount()).isEqualTo(1);
    assertThat(b.orderTotalAmount()).isEqualTo(10_000);
    assertThat(b.events()).containsOnlyKeys("customer.order.paid", "signed_up");
    assertThat(b.events().get("customer.order.paid").count()).isEqualTo(1);
    assertThat(b.events().get("signed_up").count()).isEqualTo(1);
  }

  @Test
  void anEventOfACustomerNotYetKnownCreatesThemFromTheirSourceId() throws Exception {
    invoke(EventFiles.read("trigger-custom-event.json"));

    Customer ada = customers.get(ADA).orElseThrow();
    assertThat(ada.sourceId()).isEqualTo("ada-1");
    assertThat(ada.behaviour().events()).containsOnlyKeys("signed_up");
  }

  @Test
  void anEventOfAnUnknownCustomerWithoutASourceIdIsSkipped() throws Exception {
    invoke(EventFiles.read("segments-order-paid.json").replace(", \"source_id\": \"ada-1\"", ""));

    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
  }

  @Test
  void aPaidOrderThatMakesTheCustomerMatchASegmentPutsOneEnteredEvent() throws Exception {
    JsonNode rule = Json.parse("{\"field\":\"orders.total_amount\",\"operator\":\"greater_than\",\"value\":5000}");
    new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE")).create(Segment.create("seg_big", "Big",
        SegmentType.AUTO_UPDATE, SegmentRuleJson.parse(rule, "rules"), Instant.now()));

    invoke(EventFiles.read("segments-order-paid.json"));
    invoke(EventFiles.read("segments-order-paid.json"));

    List<JsonNode> entered = bus.entries().stream()
        .filter(e -> e.path("DetailType").asText().equals("customer.segment.entered")).toList();
    assertThat(entered).hasSize(1);
    JsonNode detail = Json.parse(entered.getFirst().path("Detail").asText());
    assertThat(detail.path("customer").path("id").asText()).isEqualTo(ADA);
    assertThat(detail.toString()).contains("seg_big");
  }

  @Test
  void dropsAMalformedEventWithoutFailing() throws Exception {
    invoke("{\"detail-type\":\"customer.order.paid\",\"detail\":{\"id\":\"x\"}}");
    invoke("not json");

    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
  }

  @Test
  void aStoreFailureThrowsSoTheEventIsRetried() {
    SegmentsHandler broken = new SegmentsHandler(env.with("CUSTOMERS_TABLE", "no-such-table"));

    assertThatThrownBy(() -> broken.handleRequest(new ByteArrayInputStream(
        EventFiles.read("segments-order-paid.json").getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
        null)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aScheduledEventMakesACustomerWhoseLastOrderIsOlderThan30DaysLeaveTheLast30DaysSegment() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    DynamoDbSegments segments = new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE"));
    DynamoDbMemberships memberships = new DynamoDbMemberships(StandIns.dynamo(env), env.get("SEGMENT_MEMBERS_TABLE"));
    Segment recent = Segment.create("seg_recent", "Ordered in the last 30 days", SegmentType.AUTO_UPDATE,
        SegmentRuleJson.parse(Json.parse("{\"field\":\"orders.last_order_at\",\"operator\":\"after\","
            + "\"value\":{\"days_ago\":30}}"), "rules"), now.minus(Duration.ofDays(60)));
    Segment gold = Segment.create("seg_gold", "Gold", SegmentType.AUTO_UPDATE, SegmentRuleJson.parse(Json.parse(
        "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}"), "rules"), now);
    segments.create(recent);
    segments.create(gold);
    invoke(EventFiles.read("segments-order-paid.json")
        .replace(PAID_AT.toString(), now.minus(Duration.ofDays(40)).toString()));
    Customer ada = customers.get(ADA).orElseThrow();
    // 20 days ago her order was 20 days old: she entered then
    Clock then = Clock.fixed(now.minus(Duration.ofDays(20)), ZoneOffset.UTC);
    new EvaluateSegments(segments, new SettleMembership(memberships, e -> { }, then), customers, then)
        .evaluate(recent, ada);
    assertThat(memberships.count(recent)).isEqualTo(1);

    invoke(EventFiles.read("segments-scheduled-refresh.json"));
    invoke(EventFiles.read("segments-scheduled-refresh.json"));   // delivered twice: one refresh
    int jobs = runScans();

    assertThat(memberships.count(recent)).isZero();
    List<JsonNode> left = bus.entries().stream()
        .filter(e -> e.path("DetailType").asText().equals("customer.segment.left")).toList();
    assertThat(left).singleElement().satisfies(e -> {
      JsonNode detail = Json.parse(e.path("Detail").asText());
      assertThat(detail.path("customer").path("id").asText()).isEqualTo(ADA);
      assertThat(detail.path("data").path("segment").path("id").asText()).isEqualTo("seg_recent");
    });
    Segment refreshed = segments.get("seg_recent").orElseThrow();
    assertThat(refreshed.version()).isEqualTo(recent.version());
    var action = new DynamoDbAsyncActions(StandIns.dynamo(env), env.get("ASYNC_ACTIONS_TABLE"), Clock.systemUTC())
        .get(refreshed.evaluationId()).orElseThrow();
    assertThat(action.status().name()).isEqualTo("DONE");
    assertThat(action.progress()).containsEntry("customers_evaluated", 1L).containsEntry("left", 1L);
    assertThat(jobs).as("one scan job per part of one evaluation").isEqualTo(action.parts());
    assertThat(segments.get("seg_gold").orElseThrow().evaluationId()).as("its rules do not depend on now").isNull();
  }

  @Test
  void aScheduledEventIsNotTakenForACustomerEvent() throws Exception {
    invoke(EventFiles.read("segments-scheduled-refresh.json"));

    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
    assertThat(runScans()).isZero();
  }

  @Test
  void anAnnouncedChangeMovesTheCustomerInWithOneEnteredEventAndClearsTheMark() throws Exception {
    createGold();
    new UpsertCustomer(customers, CustomerChanges.NONE, Clock.systemUTC())
        .upsert(new CustomerProfile("ada-1", "Ada", null, null, Map.of("plan", "gold")));
    assertThat(marked(ADA)).isTrue();

    JsonNode reply = Json.parse(invoke(EventFiles.read("segments-customer-changed.json")));
    invoke(EventFiles.read("segments-customer-changed.json"));   // delivered twice

    assertThat(reply).isEqualTo(Json.parse("{\"batchItemFailures\":[]}"));
    assertThat(segmentEvents()).containsExactly("customer.segment.entered " + ADA);
    assertThat(marked(ADA)).isFalse();
  }

  @Test
  void anErasedCustomerLeavesTheirSegmentsWithOneLeftEventAndTheirTombstoneIsForgotten() throws Exception {
    createGold();
    UpsertCustomer upsert = new UpsertCustomer(customers, new SqsCustomerChanges(StandIns.sqs(env), changesQueue()),
        Clock.systemUTC());
    upsert.upsert(new CustomerProfile("ada-1", "Ada", "ada@mail.example", null, Map.of("plan", "gold")));
    assertThat(runQueue(changesQueue())).isEqualTo(1);
    new EraseCustomer(customers, new SqsCustomerChanges(StandIns.sqs(env), changesQueue())).erase(ADA);
    assertThat(customers.get(ADA)).isEmpty();

    assertThat(runQueue(changesQueue())).isEqualTo(1);

    assertThat(segmentEvents()).containsExactly("customer.segment.entered " + ADA, "customer.segment.left " + ADA);
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
    JsonNode left = Json.parse(bus.entries().getLast().path("Detail").asText());
    assertThat(left.path("customer").path("source_id").asText()).isEqualTo("ada-1");
  }

  @Test
  void aBatchReportsTheRecordsThatFailedAndAcknowledgesTheOnesNoRetryCanMend() throws Exception {
    SegmentsHandler broken = new SegmentsHandler(env.with("CUSTOMERS_TABLE", "no-such-table"));
    String change = EventFiles.read("segments-customer-changed.json");
    JsonNode event = Json.parse(change);
    var records = (com.fasterxml.jackson.databind.node.ArrayNode) event.path("Records");
    for (String body : List.of("not json", "{\"kind\":\"customers.import\",\"action_id\":\"act_1\",\"part\":0,"
        + "\"rows\":[{\"line\":2,\"customer\":{\"source_id\":\"x\"}}]}", "{\"customer_id\":7}")) {
      var copy = (com.fasterxml.jackson.databind.node.ObjectNode) records.get(0).deepCopy();
      records.add(copy.put("messageId", "m-" + records.size()).put("body", body));
    }

    JsonNode reply = Json.parse(invoke(broken, event.toString()));

    assertThat(reply).isEqualTo(Json.parse("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"2f6d1c9e-7a4b-4e2d-9c3f-8b1a5e0d6c47\"}]}"));
  }

  @Test
  void theSweepFollowsACustomerWhoseChangeWasSavedButNeverAnnounced() throws Exception {
    createGold();
    Clock threeMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-3));
    new UpsertCustomer(new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"), threeMinutesAgo),
        CustomerChanges.NONE, threeMinutesAgo).upsert(new CustomerProfile("ada-1", null, null, null,
            Map.of("plan", "gold")));
    new UpsertCustomer(customers, CustomerChanges.NONE, Clock.systemUTC())
        .upsert(new CustomerProfile("bob-2", null, null, null, Map.of("plan", "gold")));

    invoke(EventFiles.read("segments-change-sweep.json"));
    invoke(EventFiles.read("segments-change-sweep.json"));

    assertThat(segmentEvents()).as("bob was saved a moment ago: his announcement may be on its way")
        .containsExactly("customer.segment.entered " + ADA);
    assertThat(marked(ADA)).isFalse();
    assertThat(marked(Customer.idFor("bob-2"))).isTrue();
  }

  @Test
  void primingForTheSnapshotChangesNothing() {
    DaggerSegmentsComponent.factory().create(env).prime();

    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isZero();
    assertThat(bus.entries()).isEmpty();
  }

  private void createGold() {
    new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE")).create(Segment.create("seg_gold", "Gold",
        SegmentType.AUTO_UPDATE, SegmentRuleJson.parse(Json.parse(
            "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}"), "rules"), Instant.now()));
  }

  private boolean marked(String customerId) {
    return !new DynamoDbChangedCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"))
        .markedBefore(ChangedCustomers.shardOf(customerId), Instant.now().plusSeconds(60), null, 10).items().isEmpty();
  }

  /** The segment events put on the bus, as "type customer_id". */
  private List<String> segmentEvents() {
    return bus.entries().stream().filter(e -> e.path("DetailType").asText().startsWith("customer.segment."))
        .map(e -> e.path("DetailType").asText() + " " + Json.parse(e.path("Detail").asText()).path("customer")
            .path("id").asText()).toList();
  }

  private String changesQueue() {
    return env.get("CUSTOMER_CHANGES_QUEUE_URL");
  }

  private int runScans() throws Exception {
    return runQueue(env.get("SEGMENT_SCANS_QUEUE_URL"));
  }

  /**
   * What Lambda's SQS event source does for the segments function (BatchSize 1 for scans): each message on the
   * queue, and the messages they put, to the handler as Lambda's event JSON, until the queue stays empty. How many
   * it handed over; none may fail.
   */
  private int runQueue(String queue) throws Exception {
    SqsClient sqs = StandIns.sqs(env);
    int ran = 0;
    for (int empty = 0; empty < 2; ) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1).waitTimeSeconds(1)
          .visibilityTimeout(60)).messages();
      if (messages.isEmpty()) {
        empty++;
        continue;
      }
      empty = 0;
      Message message = messages.getFirst();
      var event = Json.object();
      event.putArray("Records").addObject().put("messageId", message.messageId())
          .put("receiptHandle", message.receiptHandle()).put("body", message.body()).put("eventSource", "aws:sqs")
          .put("eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:test").putObject("attributes")
          .put("ApproximateReceiveCount", "1");
      assertThat(Json.parse(invoke(event.toString())).path("batchItemFailures")).isEmpty();
      sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
      ran++;
    }
    return ran;
  }

  /** What the handler wrote back (empty for anything but an SQS batch). */
  private String invoke(String event) throws Exception {
    return invoke(handler, event);
  }

  private static String invoke(SegmentsHandler handler, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }
}
