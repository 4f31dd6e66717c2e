package herald.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.StandIns;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {
  @Test
  void recordsAJobThatKeptFailingAsFailedWithItsReason() {
    Env env = StandIns.get().freshEnv();
    SQSEvent event = EventLoader.loadSQSEvent(EventFiles.path("dead-letter-send-job.json").toString());

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
    SQSEvent event = EventLoader.loadSQSEvent(EventFiles.path("dead-letter-send-job.json").toString());
    var job = SendJobJson.read(event.getRecords().get(0).getBody());
    DynamoDbMessages messages = messages(env);
    messages.claim(Message.sending(job, java.time.Instant.now()));
    messages.finish(job.messageId(), MessageStatus.SENT, null, "ses-1");

    new DeadLetterHandler(env).handleRequest(event, null);

    assertThat(messages.get(job.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
  }

  private static DynamoDbMessages messages(Env env) {
    return new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC());
  }
}
