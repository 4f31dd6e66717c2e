package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SqsSendQueue;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendJob;
import herald.domain.events.TriggerEvent;
import herald.platform.AwsModule;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

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

  /** A fan-out page (500 jobs, 50 calls) goes five calls at a time, not one round trip after another. */
  @Test
  void sendsAPagesBatchesFiveAtATime() {
    Env env = StandIns.get().freshEnv();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    ExecutionInterceptor slow = new ExecutionInterceptor() {
      @Override public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        calls.incrementAndGet();
        try {
          Thread.sleep(40);   // a slow network: calls made one after another could never overlap
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        inFlight.decrementAndGet();
      }
    };
    SqsClient sqs = AwsModule.configure(SqsClient.builder(), env, "SQS")
        .overrideConfiguration(c -> c.addExecutionInterceptor(slow)).build();
    TriggerEvent event = new TriggerEvent("evt_1", "customer.order.paid", Instant.parse("2026-11-25T10:00:00Z"),
        new TriggerEvent.CustomerRef("cust_1", "ada"), Map.of());
    List<SendJob> jobs = new ArrayList<>();
    for (int i = 0; i < 500; i++) jobs.add(new SendJob("dist_1", "email", "cust_" + i, event));

    new SqsSendQueue(sqs, env.get("SEND_QUEUE_URL")).send(jobs);

    assertThat(calls.get()).isEqualTo(50);
    assertThat(most.get()).isEqualTo(5);
    String visible = StandIns.sqs(env).getQueueAttributes(r -> r.queueUrl(env.get("SEND_QUEUE_URL"))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    assertThat(visible).isEqualTo("500");
  }
}
