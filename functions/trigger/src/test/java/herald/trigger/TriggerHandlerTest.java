package herald.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.FanoutJobJson;
import herald.adapters.json.SendJobJson;
import herald.domain.channels.email.EmailChannel;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
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
