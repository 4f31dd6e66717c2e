package herald.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbRejectedEvents;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.FanoutJobJson;
import herald.adapters.json.SendJobJson;
import herald.domain.channels.email.EmailChannel;
import herald.domain.common.Nesting;
import herald.domain.common.Page;
import herald.domain.customers.Customer;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.events.RejectedEvent;
import herald.domain.fanout.FanoutJob;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.Seed;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerHandlerTest {
  private Env env;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv();
  }

  @Test
  void queuesASendJobForTheActiveDistributionTheEventTriggers() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);

    invoke(EventFiles.read("trigger-custom-event.json"));

    List<SendJob> jobs = queued();
    assertThat(jobs).hasSize(1);
    SendJob job = jobs.get(0);
    assertThat(job.distributionId()).isEqualTo(Seed.DISTRIBUTION_ID);
    assertThat(job.channel()).isEqualTo("email");
    assertThat(job.customerId()).isEqualTo("cust_1078439aeeaf66becb7282addfb39cea");
    assertThat(job.event().id()).isEqualTo("evt_signup_ada_1");
    assertThat(job.event().data()).containsEntry("plan", "gold");
  }

  @Test
  void queuesNothingForADraftDistribution() throws Exception {
    new Seed(env).distribution(DistributionStatus.DRAFT);
    invoke(EventFiles.read("trigger-custom-event.json"));
    assertThat(queued()).isEmpty();
  }

  @Test
  void queuesNothingForAnotherCustomEventName() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    invoke(EventFiles.read("trigger-custom-event.json").replace("\"signed_up\"", "\"logged_in\""));
    assertThat(queued()).isEmpty();
  }

  @Test
  void dropsAMalformedEventWithoutFailing() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    invoke("{\"detail-type\":\"customer.custom_event\",\"detail\":{\"id\":\"x\"}}");
    invoke("not json");
    assertThat(queued()).isEmpty();
  }

  @Test
  void anEventWithTheCustomersSourceIdAloneGoesToTheCustomerTheApiWouldDerive() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);

    invoke(EventFiles.read("trigger-custom-event.json")
        .replace("\"id\": \"cust_1078439aeeaf66becb7282addfb39cea\", ", ""));

    assertThat(queued()).singleElement().extracting(SendJob::customerId).isEqualTo(Customer.idFor("ada-1"))
        .isEqualTo("cust_1078439aeeaf66becb7282addfb39cea");
    assertThat(rejected().items()).isEmpty();
  }

  @Test
  void anInvalidEventIsRecordedWithItsReasonAndWithoutThePersonalDataOfItsDetail() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    String withPersonalData = EventFiles.read("trigger-custom-event.json")
        .replace("\"id\": \"cust_1078439aeeaf66becb7282addfb39cea\", \"source_id\": \"ada-1\"",
            "\"source_id\": \"ada@mail.example\", \"name\": \"Ada Lovelace\", \"phone\": \"+447700900123\"")
        .replace("\"event\": \"signed_up\", ", "\"email\": \"ada@mail.example\", ");

    invoke(withPersonalData);

    assertThat(queued()).isEmpty();
    RejectedEvent rejected = rejected().items().get(0);
    assertThat(rejected.code()).isEqualTo("invalid_event_data");
    assertThat(rejected.field()).isEqualTo("detail.data.event");
    assertThat(rejected.eventId()).isEqualTo("evt_signup_ada_1");
    assertThat(rejected.type()).isEqualTo("customer.custom_event");
    assertThat(rejected.source()).isEqualTo("herald.api");
    assertThat(rejected.time()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(rejected.customerId()).isEqualTo(Customer.idFor("ada@mail.example"));
    String stored = StandIns.dynamo(env).scan(r -> r.tableName(env.get("REJECTED_EVENTS_TABLE"))).items().toString();
    assertThat(stored).doesNotContain("ada@mail.example").doesNotContain("Ada Lovelace").doesNotContain("+447700900123")
        .doesNotContain("7700900123").doesNotContain("ada-1");
  }

  @Test
  void eachWayAnEventCanBeWrongIsRecordedWithItsCodeAndField() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    String event = EventFiles.read("trigger-custom-event.json");
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(event.replace("\"customer\": { \"id\": \"cust_1078439aeeaf66becb7282addfb39cea\", \"source_id\": \"ada-1\" }",
        "\"customer\": {}"), "missing_field detail.customer.source_id");
    cases.put(event.replace("\"created_at\": \"2026-11-25T10:00:00Z\"", "\"created_at\": \"yesterday\""),
        "invalid_value detail.created_at");
    cases.put(event.replace("\"id\": \"evt_signup_ada_1\",", ""), "missing_field detail.id");
    cases.put(event.replace("\"plan\": \"gold\"", "\"plan\": " + nested(Nesting.MAX_DEPTH)),
        "too_deep detail.data");
    cases.put(event.replace("\"customer.custom_event\"", "\"customer.order.paid\""), "invalid_event_data detail.data");
    int n = 0;
    for (var entry : cases.entrySet()) {
      invoke(entry.getKey().replace("5a1d7c8e-2f33-4b7a-9c1e-0d6f1a2b3c4d", "bus-" + n++));
    }

    assertThat(queued()).isEmpty();
    List<String> recorded = rejected().items().stream().map(r -> r.code() + " " + r.field()).toList();
    assertThat(recorded).hasSize(cases.size());
    // the order's own field at fault is the schema's to name (its first missing property)
    cases.values().forEach(expected -> assertThat(recorded).anySatisfy(r -> assertThat(r).startsWith(expected)));
  }

  @Test
  void dataNestedAsDeepAsTheApiAllowsIsDispatched() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    // data itself is one level: the plan's value may nest one level less than the limit
    invoke(EventFiles.read("trigger-custom-event.json")
        .replace("\"plan\": \"gold\"", "\"plan\": " + nested(Nesting.MAX_DEPTH - 1)));

    assertThat(queued()).hasSize(1);
    assertThat(rejected().items()).isEmpty();
  }

  @Test
  void theSameDeliveryRejectedTwiceIsRecordedOnce() throws Exception {
    String event = EventFiles.read("trigger-custom-event.json").replace("\"event\": \"signed_up\", ", "");
    invoke(event);
    invoke(event);
    assertThat(rejected().items()).hasSize(1);
  }

  @Test
  void aSegmentAudiencePutsOneFanoutJobPerShardAndNoSendJob() throws Exception {
    Instant now = Instant.now();
    new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE"))
        .create(new Segment("seg_gold", "Gold", SegmentType.STATIC, null, 4, 1, now, now, null));
    distribution("dist_blast", new Trigger("customer.custom_event", Map.of("event", "signed_up")),
        Audience.segment("seg_gold"));

    invoke(EventFiles.read("trigger-custom-event.json"));

    assertThat(queued()).isEmpty();
    List<FanoutJob> fanouts = fanoutJobs();
    assertThat(fanouts).extracting(FanoutJob::shard).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(fanouts).allSatisfy(job -> {
      assertThat(job.distributionId()).isEqualTo("dist_blast");
      assertThat(job.segmentId()).isEqualTo("seg_gold");
      assertThat(job.event().id()).isEqualTo("evt_signup_ada_1");
      assertThat(job.cursor()).isNull();
    });
  }

  @Test
  void aSegmentAudienceWhoseSegmentIsGonePutsNothingAndDoesNotFail() throws Exception {
    distribution("dist_blast", new Trigger("customer.custom_event", Map.of("event", "signed_up")),
        Audience.segment("seg_gone"));

    invoke(EventFiles.read("trigger-custom-event.json"));

    assertThat(queued()).isEmpty();
    assertThat(fanoutJobs()).isEmpty();
  }

  @Test
  void anEnteredEventTriggersOnlyTheDistributionOfItsSegment() throws Exception {
    distribution("dist_vip", new Trigger("customer.segment.entered", Map.of("segment_id", "seg_vip")),
        Audience.eventCustomer());
    distribution("dist_other", new Trigger("customer.segment.entered", Map.of("segment_id", "seg_other")),
        Audience.eventCustomer());
    distribution("dist_left", new Trigger("customer.segment.left", Map.of("segment_id", "seg_vip")),
        Audience.eventCustomer());

    invoke(EventFiles.read("trigger-segment-entered.json"));

    List<SendJob> jobs = queued();
    assertThat(jobs).extracting(SendJob::distributionId).containsExactly("dist_vip");
    assertThat(jobs.get(0).customerId()).isEqualTo("cust_1078439aeeaf66becb7282addfb39cea");
  }

  private void distribution(String id, Trigger trigger, Audience audience) {
    Instant now = Instant.now();
    new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds()).create(new Distribution(id,
        "Blast", null, DistributionStatus.ACTIVE, trigger, audience, Action.of(ActionType.PLAIN_MESSAGE),
        List.of(new EmailChannel("Hi", "<p>Hi</p>", "Hi")), 1, now, now));
  }

  private List<FanoutJob> fanoutJobs() {
    List<FanoutJob> jobs = new ArrayList<>();
    StandIns.sqs(env).receiveMessage(r -> r.queueUrl(env.get("FANOUT_QUEUE_URL")).maxNumberOfMessages(10)
        .waitTimeSeconds(1)).messages().forEach(m -> jobs.add(FanoutJobJson.read(m.body())));
    return jobs;
  }

  /** {@code levels} nested objects: {"a":{"a":...{}}}. */
  private static String nested(int levels) {
    return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
  }

  private Page<RejectedEvent> rejected() {
    return new DynamoDbRejectedEvents(StandIns.dynamo(env), env.get("REJECTED_EVENTS_TABLE"), Clock.systemUTC())
        .newestFirst(null, 100);
  }

  private void invoke(String event) throws Exception {
    new TriggerHandler(env).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);
  }

  private List<SendJob> queued() {
    var sqs = StandIns.sqs(env);
    List<SendJob> jobs = new ArrayList<>();
    sqs.receiveMessage(r -> r.queueUrl(env.get("SEND_QUEUE_URL")).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages().forEach(m -> jobs.add(SendJobJson.read(m.body())));
    return jobs;
  }
}
