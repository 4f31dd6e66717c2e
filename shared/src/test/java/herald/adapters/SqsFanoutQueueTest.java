package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.aws.SqsFanoutQueue;
import herald.adapters.json.FanoutJobJson;
import herald.domain.common.Invalid;
import herald.domain.events.TriggerEvent;
import herald.domain.fanout.FanoutJob;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsFanoutQueueTest {
  private static final TriggerEvent EVENT = new TriggerEvent("evt_1", "customer.order.paid",
      Instant.parse("2026-11-25T10:00:00Z"), new TriggerEvent.CustomerRef("cust_1", "ada"),
      Map.of("order", Map.of("id", "ord_1", "amount", 1250)));

  @Test
  void queuesEveryJobIntactInBatchesOfTen() {
    Env env = StandIns.get().freshEnv();
    SqsClient sqs = StandIns.sqs(env);
    List<FanoutJob> jobs = new ArrayList<>();
    for (int shard = 0; shard < 16; shard++) jobs.add(FanoutJob.forEvent("dist_1", "seg_1", shard, EVENT));
    for (int shard = 0; shard < 7; shard++) jobs.add(FanoutJob.forExistingMembers("dist_2", "seg_2", shard));

    new SqsFanoutQueue(sqs, env.get("FANOUT_QUEUE_URL")).put(jobs);

    List<FanoutJob> received = new ArrayList<>();
    for (int tries = 0; tries < 20 && received.size() < jobs.size(); tries++) {
      sqs.receiveMessage(r -> r.queueUrl(env.get("FANOUT_QUEUE_URL")).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages().forEach(m -> received.add(FanoutJobJson.read(m.body())));
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(jobs);
  }

  @Test
  void aFollowUpKeepsItsCursorPageAndMode() {
    FanoutJob event = FanoutJob.forEvent("dist_1", "seg_1", 3, EVENT).continueAt("eyJjIjoiY3VzdF85In0", 40);
    FanoutJob existing = FanoutJob.forExistingMembers("dist_2", "seg_2", 0).continueAt("next", 2);

    assertThat(FanoutJobJson.read(FanoutJobJson.write(event))).isEqualTo(event);
    assertThat(FanoutJobJson.read(FanoutJobJson.write(existing))).isEqualTo(existing);
    assertThat(FanoutJobJson.read(FanoutJobJson.write(existing)).existingMembers()).isTrue();
  }

  @Test
  void aBodyThatIsNoFanoutJobIsInvalidSoItIsNotRetried() {
    assertThatThrownBy(() -> FanoutJobJson.read("{\"distribution_id\":\"d\"}")).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> FanoutJobJson.read("not json")).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> FanoutJobJson.read(
        "{\"distribution_id\":\"d\",\"segment_id\":\"s\",\"shard\":0,\"mode\":\"everyone\"}"))
        .isInstanceOf(Invalid.class);
  }
}
