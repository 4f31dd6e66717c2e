package herald.domain.fakes;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.suppressions.Suppression;
import org.junit.jupiter.api.Test;

/** The suppression fake and the messages fake's feedback behave as their ports say. */
class SuppressionAndFeedbackFakesTest {
  private final InMemorySuppressions suppressions = new InMemorySuppressions();
  private final InMemoryMessages messages = new InMemoryMessages(new TestClock());

  @Test
  void suppressionsCompareLowercasedAndKeepTheFirstReason() {
    suppressions.add("Ada@Mail.Example", Suppression.HARD_BOUNCE, T0);
    suppressions.add("ada@mail.example", Suppression.COMPLAINT, T0.plusSeconds(5));

    assertThat(suppressions.contains("ADA@mail.example")).isTrue();
    assertThat(suppressions.all()).containsExactly(new Suppression("ada@mail.example", Suppression.HARD_BOUNCE, T0));
    assertThat(suppressions.remove("ada@MAIL.example")).isTrue();
    assertThat(suppressions.remove("ada@mail.example")).isFalse();
    assertThat(suppressions.contains("ada@mail.example")).isFalse();
  }

  @Test
  void suppressionsFindABatchOfAddressesAtOnce() {
    SuppressionsPortContract.aBatchOfAddressesFindsTheOnesOnTheListWhateverTheirCase(new InMemorySuppressions());
  }

  @Test
  void suppressionsPageThroughTheList() {
    for (int i = 0; i < 5; i++) suppressions.add("c" + i + "@mail.example", Suppression.COMPLAINT, T0);
    var first = suppressions.list(null, 3);
    var second = suppressions.list(first.next(), 3);
    assertThat(first.items()).hasSize(3);
    assertThat(second.items()).hasSize(2);
    assertThat(second.next()).isNull();
  }

  @Test
  void feedbackMovesOnlyForward() {
    assertThat(messages.feedback("msg_missing", MessageStatus.DELIVERED, null)).isFalse();
    String sent = finished("evt_1", MessageStatus.SENT, null);
    assertThat(messages.feedback(sent, MessageStatus.FAILED, "rejected")).isTrue();
    assertThat(messages.feedback(sent, MessageStatus.DELIVERED, null)).isFalse();

    String delivered = finished("evt_2", MessageStatus.SENT, null);
    assertThat(messages.feedback(delivered, MessageStatus.DELIVERED, null)).isTrue();
    assertThat(messages.feedback(delivered, MessageStatus.DELIVERED, null)).isFalse();
    assertThat(messages.feedback(delivered, MessageStatus.FAILED, "rejected")).isFalse();
    assertThat(messages.feedback(delivered, MessageStatus.COMPLAINED, null)).isTrue();
    assertThat(messages.feedback(delivered, MessageStatus.BOUNCED, "permanent_general")).isFalse();

    String unknown = finished("evt_3", MessageStatus.FAILED, "outcome_unknown");
    assertThat(messages.feedback(unknown, MessageStatus.DELIVERED, null)).isTrue();
    assertThat(messages.get(unknown).orElseThrow().reason()).isNull();
    String failed = finished("evt_4", MessageStatus.FAILED, "http_400");
    assertThat(messages.feedback(failed, MessageStatus.DELIVERED, null)).isFalse();
    String skipped = finished("evt_5", MessageStatus.SKIPPED, "no_consent");
    assertThat(messages.feedback(skipped, MessageStatus.BOUNCED, "permanent_general")).isFalse();
    assertThat(messages.feedback(skipped, MessageStatus.SENT, null)).isFalse();
  }

  private String finished(String eventId, MessageStatus status, String reason) {
    var job = new SendJob("dist_1", "email", "cust_1", Samples.orderPaid(eventId, Samples.customer("c-1")));
    Message m = Message.sending(job, T0);
    messages.claim(m);
    messages.finish(m.id(), status, reason, "p-1");
    return m.id();
  }
}
