package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SqsSendQueue;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendJob;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsSendQueueTest {
  @Test
  void queuesEveryJobIntactInBatchesOfTen() {
    Env env = StandIns.get().freshEnv();
    SqsClient sqs = StandIns.sqs(env);
    TriggerEvent event = new TriggerEvent("evt_1", "customer.custom_event", Instant.parse("2026-11-25T10:00:00Z"),
        new TriggerEvent.CustomerRef("cust_1", "ada"), Map.of("event", "signed_up", "plan", "gold"));
    List<SendJob> jobs = new ArrayList<>();
    for (int i = 0; i < 23; i++) jobs.add(new SendJob("dist_" + i, "email", "cust_1", event));

    new SqsSendQueue(sqs, env.get("SEND_QUEUE_URL")).send(jobs);

    List<SendJob> received = new ArrayList<>();
    for (int tries = 0; tries < 20 && received.size() < 23; tries++) {
      sqs.receiveMessage(r -> r.queueUrl(env.get("SEND_QUEUE_URL")).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages().forEach(m -> received.add(SendJobJson.read(m.body())));
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(jobs);
  }
}
