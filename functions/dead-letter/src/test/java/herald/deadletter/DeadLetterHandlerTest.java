package herald.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import herald.adapters.dynamodb.DynamoDbDeadLetters;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.json.SendJobJson;
import herald.domain.deadletters.DeadLetter;
import herald.domain.deadletters.DeadLetterQueue;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.StandIns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {
  @Test
  void recordsAJobThatKeptFailingAsFailedWithItsReason() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = from(env, "dead-letter-send-job.json", "SEND_DLQ_ARN");

    var response = new DeadLetterHandler(env).handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    String id = SendJobJson.read(event.getRecords().get(0).getBody()).messageId();
    Message message = messages(env).get(id).orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message.reason()).isEqualTo("retries_exhausted");
  }

  @Test
  void leavesAMessageThatWasSentAlone() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = from(env, "dead-letter-send-job.json", "SEND_DLQ_ARN");
    var job = SendJobJson.read(event.getRecords().get(0).getBody());
    DynamoDbMessages messages = messages(env);
    messages.claim(Message.sending(job, java.time.Instant.now()));
    messages.finish(job.messageId(), MessageStatus.SENT, null, "ses-1");

    new DeadLetterHandler(env).handleRequest(event, null);

    assertThat(messages.get(job.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void recordsAFanoutShardOnceWithItsDistributionSegmentAndShardAndCountsIt() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = from(env, "dead-letter-fanout-shard.json", "FANOUT_DLQ_ARN");
    DeadLetterHandler handler = new DeadLetterHandler(env);

    String printed = stdout(() -> {
      assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();
      assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();   // delivered twice
    });

    var page = deadLetters(env).ofDistribution("dist_sale", null, 10);
    assertThat(page.items()).singleElement().satisfies(d -> {
      assertThat(d.queue()).isEqualTo(DeadLetterQueue.FANOUT);
      assertThat(d.segmentId()).isEqualTo("seg_vip");
      assertThat(d.shard()).isEqualTo(0);
      assertThat(d.eventId()).isEqualTo("evt_order_ada_1");
      assertThat(d.reason()).isEqualTo("retries_exhausted");
      assertThat(d.redrivable()).isTrue();
      assertThat(d.body()).isEqualTo(event.getRecords().get(0).getBody());
    });
    assertThat(deadLetters(env).ofQueue(DeadLetterQueue.FANOUT, null, 10).items()).extracting(DeadLetter::id)
        .containsExactly(page.items().get(0).id());
    assertThat(printed).contains("\"Queue\":\"fanout\",\"DeadLetters\":1");
  }

  @Test
  void keepsASendJobItCannotReadAsADeadLetterRatherThanDroppingIt() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = from(env, "dead-letter-send-job.json", "SEND_DLQ_ARN");
    event.getRecords().get(0).setBody("{\"not\": \"a send job\"}");

    assertThat(new DeadLetterHandler(env).handleRequest(event, null).getBatchItemFailures()).isEmpty();

    assertThat(deadLetters(env).ofQueue(DeadLetterQueue.SEND, null, 10).items()).singleElement()
        .satisfies(d -> assertThat(d.body()).isEqualTo("{\"not\": \"a send job\"}"));
  }

  @Test
  void keepsABusEventLambdaGaveUpOnWithItsConditionAndError() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = from(env, "dead-letter-send-job.json", "TRIGGER_DLQ_ARN");
    event.getRecords().get(0).setBody("{\"version\":\"1.0\",\"requestContext\":{\"condition\":\"RetriesExhausted\","
        + "\"approximateInvokeCount\":3},\"requestPayload\":{\"id\":\"eb-1\",\"detail-type\":\"customer.order.paid\","
        + "\"detail\":{\"id\":\"order-7\"}},\"responsePayload\":{\"errorType\":\"IllegalStateException\"}}");

    new DeadLetterHandler(env).handleRequest(event, null);

    assertThat(deadLetters(env).ofQueue(DeadLetterQueue.TRIGGER, null, 10).items()).singleElement().satisfies(d -> {
      assertThat(d.eventId()).isEqualTo("order-7");
      assertThat(d.reason()).isEqualTo("RetriesExhausted:IllegalStateException");
      assertThat(d.redrivable()).isFalse();
    });
  }

  @Test
  void leavesARecordFromAQueueItWasNotGivenOnItsQueue() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = from(env, "dead-letter-fanout-shard.json", "FANOUT_DLQ_ARN");
    event.getRecords().get(0).setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:someone-elses-dlq");

    var response = new DeadLetterHandler(env).handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).hasSize(1);
    assertThat(deadLetters(env).ofDistribution("dist_sale", null, 10).items()).isEmpty();
  }

  /** The sample event, as if from the queue the variable names (the fresh stack's queue). */
  private static SQSEvent from(Env env, String file, String arnVariable) {
    SQSEvent event = EventLoader.loadSQSEvent(EventFiles.path(file).toString());
    event.getRecords().forEach(r -> r.setEventSourceArn(env.get(arnVariable)));
    return event;
  }

  private static String stdout(Runnable run) {
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static DynamoDbMessages messages(Env env) {
    return new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC());
  }

  private static DynamoDbDeadLetters deadLetters(Env env) {
    return new DynamoDbDeadLetters(StandIns.dynamo(env), env.get("DEAD_LETTERS_TABLE"), Clock.systemUTC());
  }
}
