package herald.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.RecordFeedback;
import herald.domain.delivery.StatusCounters;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.fakes.TestClock;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The feedback function fed with the SES events in events/, against the real stand-ins. */
class FeedbackHandlerTest {
  private Env env;
  private FeedbackHandler handler;
  private DynamoDbMessages messages;
  private DynamoDbSuppressions suppressions;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv();
    handler = new FeedbackHandler(env);
    messages = new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC());
    suppressions = new DynamoDbSuppressions(StandIns.dynamo(env), env.get("SUPPRESSIONS_TABLE"));
  }

  @Test
  void aDeliveryEventMovesTheSentMessageToDeliveredAndCountsIt() throws IOException {
    sent("msg_feedback_delivery_1");

    invoke("feedback-delivery.json");

    assertThat(messages.get("msg_feedback_delivery_1").orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    Map<MessageStatus, Long> counts = new DynamoDbStatusCounters(StandIns.dynamo(env), env.get("STATS_TABLE"))
        .of("dist_welcome").get("email");
    assertThat(counts).containsEntry(MessageStatus.DELIVERED, 1L);
    assertThat(suppressions.contains("ada@mail.example")).isFalse();
  }

  @Test
  void anOpenAndAClickAreNotedOnceEachAndLeaveTheStatus() throws IOException {
    sent("msg_feedback_delivery_1");

    invoke("feedback-open.json");
    invoke("feedback-open.json");
    invoke("feedback-click.json");

    Message message = messages.get("msg_feedback_delivery_1").orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.SENT);
    assertThat(message.openedAt()).isNotNull();
    assertThat(message.clickedAt()).isNotNull();
    assertThat(new DynamoDbStatusCounters(StandIns.dynamo(env), env.get("STATS_TABLE")).engagement("dist_welcome")
        .get("email")).containsEntry(herald.domain.delivery.Engagement.OPENED, 1L)
        .containsEntry(herald.domain.delivery.Engagement.CLICKED, 1L);
  }

  @Test
  void aPermanentBounceEndsTheMessageBouncedAndSuppressesTheAddress() throws IOException {
    sent("msg_feedback_bounce_1");

    invoke("feedback-bounce-permanent.json");

    Message message = messages.get("msg_feedback_bounce_1").orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.BOUNCED);
    assertThat(message.reason()).isEqualTo("permanent_general");
    assertThat(suppressions.contains("gone.away@mail.example")).isTrue();
    assertThat(suppressions.list(null, 10).items()).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo("hard_bounce"));
  }

  @Test
  void aComplaintAfterDeliveryEndsComplainedAndSuppressesTheAddress() throws IOException {
    sent("msg_feedback_complaint_1");
    messages.feedback("msg_feedback_complaint_1", MessageStatus.DELIVERED, null);

    invoke("feedback-complaint.json");

    Message message = messages.get("msg_feedback_complaint_1").orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.COMPLAINED);
    assertThat(message.reason()).isEqualTo("abuse");
    assertThat(suppressions.contains("Ada@Mail.Example")).isTrue();
  }

  @Test
  void aLateOrRepeatedEventNeverMovesAMessageBack() throws IOException {
    sent("msg_feedback_delivery_1");
    messages.feedback("msg_feedback_delivery_1", MessageStatus.BOUNCED, "permanent_general");

    invoke("feedback-delivery.json");
    invoke("feedback-delivery.json");

    assertThat(messages.get("msg_feedback_delivery_1").orElseThrow().status()).isEqualTo(MessageStatus.BOUNCED);
  }

  @Test
  void anEventThatIsNotFromSesIsDroppedAndChangesNothing() throws IOException {
    sent("msg_feedback_delivery_1");

    invoke("trigger-custom-event.json");
    handler.handleRequest(new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);

    assertThat(messages.get("msg_feedback_delivery_1").orElseThrow().status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void thePackagePrivateConstructorTakesTheUseCase() throws IOException {
    TestClock clock = new TestClock();
    InMemoryMessages memory = new InMemoryMessages(clock);
    InMemorySuppressions suppressed = new InMemorySuppressions();
    memory.put(new Message("msg_feedback_bounce_1", "dist_1", "evt_1", "cust_1", "email", MessageStatus.SENT, null,
        "ses-1", clock.instant(), clock.instant()));
    StatusCounters none = new herald.domain.fakes.InMemoryStatusCounters(clock);
    FeedbackHandler inMemory = new FeedbackHandler(new RecordFeedback(memory, suppressed, none, clock));

    inMemory.handleRequest(EventFiles.path("feedback-bounce-permanent.json").toUri().toURL().openStream(),
        new ByteArrayOutputStream(), null);

    assertThat(memory.get("msg_feedback_bounce_1").orElseThrow().status()).isEqualTo(MessageStatus.BOUNCED);
    assertThat(suppressed.contains("gone.away@mail.example")).isTrue();
  }

  private void invoke(String eventFile) throws IOException {
    handler.handleRequest(new ByteArrayInputStream(EventFiles.read(eventFile).getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);
  }

  /** A message the sender handed to SES, as it left it in the table. */
  private void sent(String id) {
    String now = Instant.now().toString();
    Map<String, AttributeValue> item = new HashMap<>();
    Map.of("id", id, "distribution_id", "dist_welcome", "event_id", "evt_signup_ada_1",
        "customer_id", "cust_1078439aeeaf66becb7282addfb39cea", "channel", "email", "status", "SENT",
        "provider_id", "ses-1", "created_at", now, "updated_at", now, "created_key", now + "#" + id)
        .forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
    StandIns.dynamo(env).putItem(r -> r.tableName(env.get("MESSAGES_TABLE")).item(item));
  }
}
