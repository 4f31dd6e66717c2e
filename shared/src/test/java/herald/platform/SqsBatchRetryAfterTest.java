package herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.domain.channels.DeliveryFailure;
import herald.testing.StandIns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A provider's Retry-After decides when a failed record comes back, instead of the backoff (here 10 minutes). */
class SqsBatchRetryAfterTest {
  private final Env env = StandIns.get().freshEnv();
  private final SqsClient sqs = StandIns.sqs(env);
  private final String queue = env.get("SEND_QUEUE_URL");
  private final SqsRetries retries = new SqsRetries(sqs, queue, Duration.ofMinutes(10));

  @Test
  void aRecordWhoseProviderAskedForTwoSecondsComesBackAfterThemNotAfterTheBackoff() {
    SQSEvent.SQSMessage record = sentAndReceived();

    var answer = SqsBatch.each(batch(record),
        r -> { throw DeliveryFailure.retryLater("http_429", Duration.ofSeconds(2)); }, retries);

    assertThat(answer.getBatchItemFailures()).hasSize(1);
    assertThat(receive(1)).isEmpty();
    assertThat(receive(4)).extracting(Message::body).containsExactly("job");
  }

  @Test
  void aRecordThatFailedWithoutAskingWaitsForTheBackoff() {
    SQSEvent.SQSMessage record = sentAndReceived();

    SqsBatch.each(batch(record), r -> { throw DeliveryFailure.transientFailure("http_503", null); }, retries);

    assertThat(receive(4)).isEmpty();
  }

  @Test
  void whatAProviderAsksIsKeptBetweenOneSecondAndTwelveHours() {
    assertThat(SqsRetries.bounded(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    assertThat(SqsRetries.bounded(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    assertThat(SqsRetries.bounded(Duration.ofDays(3))).isEqualTo(Duration.ofHours(12));
  }

  private SQSEvent.SQSMessage sentAndReceived() {
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("job"));
    Message message = receive(5).get(0);
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setAttributes(Map.of("ApproximateReceiveCount",
        message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1")));
    return record;
  }

  private List<Message> receive(int waitSeconds) {
    return sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(waitSeconds).visibilityTimeout(60)
        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
  }

  private static SQSEvent batch(SQSEvent.SQSMessage record) {
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(record));
    return event;
  }
}
