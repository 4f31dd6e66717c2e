package herald.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.SegmentRuleJson;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.UpsertCustomer;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.EventFiles;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  private void invoke(String event) throws Exception {
    handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);
  }
}
