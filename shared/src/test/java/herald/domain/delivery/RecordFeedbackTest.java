package herald.domain.delivery;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.delivery.RecordFeedback.Feedback;
import herald.domain.delivery.RecordFeedback.Kind;
import herald.domain.delivery.RecordFeedback.Outcome;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.suppressions.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordFeedbackTest {
  private final TestClock clock = new TestClock();
  private final InMemoryMessages messages = new InMemoryMessages(clock);
  private final InMemorySuppressions suppressions = new InMemorySuppressions();
  private final MovesSeen stats = new MovesSeen();
  private final RecordFeedback feedback = new RecordFeedback(messages, suppressions, stats, clock);

  @Test
  void aDeliveryMovesASentMessageToDeliveredAndCountsIt() {
    String id = sent("evt_1");

    Outcome outcome = feedback.record(event(id, Kind.DELIVERY, null, null));

    assertThat(outcome).isEqualTo(new Outcome(MessageStatus.DELIVERED, 0));
    assertThat(messages.get(id).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(stats.moves).containsExactly("dist_1 email SENT->DELIVERED");
    assertThat(suppressions.all()).isEmpty();
  }

  @Test
  void aPermanentBounceRecordsItsTypeAndSuppressesTheAddress() {
    String id = sent("evt_1");

    Outcome outcome = feedback.record(event(id, Kind.BOUNCE, "Permanent", "NoEmail", "Ada@Mail.Example"));

    Message message = messages.get(id).orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.BOUNCED);
    assertThat(message.reason()).isEqualTo("permanent_no_email");
    assertThat(outcome.suppressed()).isEqualTo(1);
    assertThat(suppressions.all()).containsExactly(new Suppression("ada@mail.example", Suppression.HARD_BOUNCE, T0));
  }

  @Test
  void aTransientBounceEndsTheMessageBouncedButSuppressesNothing() {
    String id = sent("evt_1");

    feedback.record(event(id, Kind.BOUNCE, "Transient", "MailboxFull", "ada@mail.example"));

    assertThat(messages.get(id).orElseThrow().reason()).isEqualTo("transient_mailbox_full");
    assertThat(suppressions.all()).isEmpty();
  }

  @Test
  void aComplaintAfterDeliveryMovesToComplainedAndSuppresses() {
    String id = sent("evt_1");
    feedback.record(event(id, Kind.DELIVERY, null, null, "ada@mail.example"));

    Outcome outcome = feedback.record(new Feedback(id, Kind.COMPLAINT, null, null, "abuse", List.of("ada@mail.example")));

    assertThat(outcome).isEqualTo(new Outcome(MessageStatus.COMPLAINED, 1));
    assertThat(messages.get(id).orElseThrow().reason()).isEqualTo("abuse");
    assertThat(suppressions.contains("ada@mail.example")).isTrue();
    assertThat(stats.moves).containsExactly("dist_1 email SENT->DELIVERED", "dist_1 email DELIVERED->COMPLAINED");
  }

  @Test
  void aRejectFailsASentMessage() {
    String id = sent("evt_1");

    feedback.record(event(id, Kind.REJECT, null, null));

    Message message = messages.get(id).orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message.reason()).isEqualTo("rejected");
  }

  @Test
  void aLateDeliveryNeverMovesABouncedMessageBackAndARepeatCountsOnce() {
    String id = sent("evt_1");
    feedback.record(event(id, Kind.BOUNCE, "Permanent", "General", "ada@mail.example"));

    Outcome late = feedback.record(event(id, Kind.DELIVERY, null, null));
    Outcome repeated = feedback.record(event(id, Kind.BOUNCE, "Permanent", "General", "ada@mail.example"));

    assertThat(late.moved()).isNull();
    assertThat(repeated.moved()).isNull();
    assertThat(messages.get(id).orElseThrow().status()).isEqualTo(MessageStatus.BOUNCED);
    assertThat(stats.moves).containsExactly("dist_1 email SENT->BOUNCED");
    assertThat(suppressions.all()).hasSize(1);
  }

  @Test
  void aDeliveryResolvesAMessageWhoseOutcomeWasUnknown() {
    String id = finished("evt_1", MessageStatus.FAILED, "outcome_unknown");

    feedback.record(event(id, Kind.DELIVERY, null, null));

    Message message = messages.get(id).orElseThrow();
    assertThat(message.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(message.reason()).isNull();
    assertThat(stats.moves).containsExactly("dist_1 email FAILED->DELIVERED");
  }

  @Test
  void aComplaintSuppressesTheAddressEvenWhenTheMessageIsUnknownOrCannotMove() {
    Outcome outcome = feedback.record(event("msg_unknown", Kind.COMPLAINT, null, null, "eve@mail.example"));

    assertThat(outcome).isEqualTo(new Outcome(null, 1));
    assertThat(suppressions.contains("eve@mail.example")).isTrue();
    assertThat(stats.moves).isEmpty();
  }

  @Test
  void eventsOfOtherKindsOrAboutMailHeraldDidNotTagChangeNothing() {
    String id = sent("evt_1");

    assertThat(feedback.record(event(id, Kind.OTHER, null, null, "ada@mail.example"))).isEqualTo(new Outcome(null, 0));
    assertThat(feedback.record(event(null, Kind.BOUNCE, "Permanent", "General", "ada@mail.example")))
        .isEqualTo(new Outcome(null, 0));
    assertThat(messages.get(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
    assertThat(suppressions.all()).isEmpty();
  }

  @Test
  void reasonsAreSnakeCase() {
    assertThat(RecordFeedback.snake("OnAccountSuppressionList")).isEqualTo("on_account_suppression_list");
    assertThat(RecordFeedback.snake("Undetermined")).isEqualTo("undetermined");
    assertThat(RecordFeedback.snake("not-spam")).isEqualTo("not_spam");
    assertThat(RecordFeedback.reason(new Feedback("m", Kind.BOUNCE, null, null, null, null))).isEqualTo("undetermined");
  }

  private static Feedback event(String id, Kind kind, String bounceType, String subType, String... addresses) {
    return new Feedback(id, kind, bounceType, subType, null, List.of(addresses));
  }

  private String sent(String eventId) {
    return finished(eventId, MessageStatus.SENT, null);
  }

  private String finished(String eventId, MessageStatus status, String reason) {
    var job = new SendJob("dist_1", "email", "cust_1", Samples.orderPaid(eventId, Samples.customer("c-1")));
    Message m = Message.sending(job, T0);
    messages.claim(m);
    messages.finish(m.id(), status, reason, "ses-1");
    return m.id();
  }

  /** StatusCounters that remember every move, in order. */
  private static final class MovesSeen implements StatusCounters {
    final List<String> moves = new ArrayList<>();

    @Override
    public void moved(String distributionId, String channel, MessageStatus from, MessageStatus to) {
      moves.add(distributionId + " " + channel + " " + from + "->" + to);
    }

    @Override
    public Map<String, Map<MessageStatus, Long>> of(String distributionId) {
      return Map.of();
    }

    @Override
    public void engaged(String distributionId, String channel, Engagement what) {
      moves.add(distributionId + " " + channel + " " + what);
    }

    @Override
    public Map<String, Map<Engagement, Long>> engagement(String distributionId) {
      return Map.of();
    }

    @Override
    public void recounted(String distributionId, Recount recount) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Optional<Recount> lastRecount(String distributionId) {
      return java.util.Optional.empty();
    }

    @Override
    public java.util.Optional<java.time.Instant> lastMoved(String distributionId) {
      return java.util.Optional.empty();
    }

    @Override
    public Map<java.time.Instant, Map<MessageStatus, Long>> hours(String distributionId, java.time.Instant from,
        java.time.Instant to) {
      return Map.of();
    }

    @Override
    public Map<java.time.LocalDate, Map<String, Map<MessageStatus, Long>>> daily(java.time.LocalDate from,
        java.time.LocalDate to) {
      return Map.of();
    }
  }
}
