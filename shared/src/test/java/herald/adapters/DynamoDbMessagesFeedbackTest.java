package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbMessages;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Messages.feedback: the provider's events move a message forward only, with one conditional write. */
class DynamoDbMessagesFeedbackTest {
  private final AtomicInteger ids = new AtomicInteger();
  private DynamoDbMessages messages;
  private DynamoDbClient dynamo;
  private String table;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    dynamo = StandIns.dynamo(env);
    table = env.get("MESSAGES_TABLE");
    messages = new DynamoDbMessages(dynamo, table, Clock.systemUTC());
  }

  @Test
  void aSentMessageIsDeliveredThenComplainedAndNeverMovedBack() {
    String id = finished(MessageStatus.SENT, null);

    assertThat(messages.feedback(id, MessageStatus.DELIVERED, null)).isTrue();
    assertThat(messages.feedback(id, MessageStatus.DELIVERED, null)).isFalse();
    assertThat(messages.feedback(id, MessageStatus.FAILED, "rejected")).isFalse();
    assertThat(messages.feedback(id, MessageStatus.COMPLAINED, "abuse")).isTrue();
    assertThat(messages.feedback(id, MessageStatus.BOUNCED, "permanent_general")).isFalse();
    assertThat(messages.feedback(id, MessageStatus.SENT, null)).isFalse();

    Message m = messages.get(id).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.COMPLAINED);
    assertThat(m.reason()).isEqualTo("abuse");
    assertThat(m.providerId()).isEqualTo("ses-1");
  }

  @Test
  void aBounceOrARejectFollowsSentWithItsReason() {
    String bounced = finished(MessageStatus.SENT, null);
    String rejected = finished(MessageStatus.SENT, null);

    assertThat(messages.feedback(bounced, MessageStatus.BOUNCED, "permanent_general")).isTrue();
    assertThat(messages.feedback(rejected, MessageStatus.FAILED, "rejected")).isTrue();
    assertThat(messages.feedback(bounced, MessageStatus.DELIVERED, null)).isFalse();

    assertThat(messages.get(bounced).orElseThrow().reason()).isEqualTo("permanent_general");
    assertThat(messages.get(rejected).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(messages.get(rejected).orElseThrow().reason()).isEqualTo("rejected");
  }

  @Test
  void aDeliveryResolvesAnUnknownOutcomeButNoOtherFailure() {
    String unknown = finished(MessageStatus.FAILED, "outcome_unknown");
    String failed = finished(MessageStatus.FAILED, "retries_exhausted");

    assertThat(messages.feedback(unknown, MessageStatus.DELIVERED, null)).isTrue();
    assertThat(messages.feedback(failed, MessageStatus.DELIVERED, null)).isFalse();
    assertThat(messages.feedback(failed, MessageStatus.BOUNCED, "permanent_general")).isFalse();

    assertThat(messages.get(unknown).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(messages.get(unknown).orElseThrow().reason()).isNull();
    assertThat(messages.get(failed).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
  }

  @Test
  void nothingMovesAMissingSkippedOrUnfinishedMessage() {
    String skipped = finished(MessageStatus.SKIPPED, "no_consent");
    String sending = stored(MessageStatus.SENDING, null);

    assertThat(messages.feedback("msg_missing", MessageStatus.DELIVERED, null)).isFalse();
    assertThat(messages.get("msg_missing")).isEmpty();
    assertThat(messages.feedback(skipped, MessageStatus.BOUNCED, "permanent_general")).isFalse();
    assertThat(messages.feedback(sending, MessageStatus.DELIVERED, null)).isFalse();
    assertThat(messages.feedback(sending, MessageStatus.FAILED, "rejected")).isFalse();
    assertThat(messages.get(sending).orElseThrow().status()).isEqualTo(MessageStatus.SENDING);
  }

  private String finished(MessageStatus status, String reason) {
    return stored(status, reason);
  }

  /** A message item as the sender leaves it, written directly so these tests depend on feedback alone. */
  private String stored(MessageStatus status, String reason) {
    String id = "msg_" + ids.incrementAndGet();
    String now = Instant.now().toString();
    Map<String, AttributeValue> item = new HashMap<>(Map.of("id", s(id), "distribution_id", s("dist_1"),
        "event_id", s("evt_1"), "customer_id", s("cust_1"), "channel", s("email"), "status", s(status.name()),
        "provider_id", s("ses-1"), "created_at", s(now), "updated_at", s(now), "created_key", s(now + "#" + id)));
    if (reason != null) item.put("reason", s(reason));
    dynamo.putItem(r -> r.tableName(table).item(item));
    return id;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
