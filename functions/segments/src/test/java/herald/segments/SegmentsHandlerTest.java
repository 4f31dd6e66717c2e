package herald.segments;

import static org.assertj.core.api.Assertions.assertThat;
import herald.domain.fakes.InMemoryCustomers;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.SegmentRuleJson;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.domain.customers.CustomerChanges;
import herald.domain.intake.UpsertCustomer;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.jobs.JobsHandler;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    new EvaluateSegments(segments, memberships, new InMemoryCustomers(), e -> { }, Clock.fixed(now.minus(Duration.ofDays(20)), ZoneOffset.UTC))
        .evaluate(recent, ada);
    assertThat(memberships.count(recent)).isEqualTo(1);

    invoke(EventFiles.read("segments-scheduled-refresh.json"));
    invoke(EventFiles.read("segments-scheduled-refresh.json"));   // delivered twice: one refresh
    int jobs = runJobs();

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
    assertThat(runJobs()).isZero();
  }

  /**
   * What Lambda's SQS event source does for the jobs function (BatchSize 1): each job on the jobs queue, and the
   * jobs they put, to a JobsHandler, until the queue stays empty. How many jobs it ran.
   */
  private int runJobs() {
    JobsHandler jobs = new JobsHandler(env);
    SqsClient sqs = StandIns.sqs(env);
    String queue = env.get("JOBS_QUEUE_URL");
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
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setBody(message.body());
      SQSEvent event = new SQSEvent();
      event.setRecords(List.of(record));
      SQSBatchResponse response = jobs.handleRequest(event, null);
      assertThat(response.getBatchItemFailures()).isEmpty();
      sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
      ran++;
    }
    return ran;
  }

  private void invoke(String event) throws Exception {
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);
  }
}
