package herald.domain.delivery;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import org.junit.jupiter.api.Test;

class RecordDeadLetterTest {
  private final TestClock clock = new TestClock();
  private final InMemoryMessages messages = new InMemoryMessages(clock);
  private final herald.domain.fakes.InMemoryStatusCounters stats = new herald.domain.fakes.InMemoryStatusCounters();
  private final RecordDeadLetter deadLetter = new RecordDeadLetter(messages, stats,
      new herald.domain.fakes.InMemoryUsageCounters(), clock);
  private final Customer ada = Samples.customer("src-ada");
  private final SendJob job = new SendJob("dist_1", "email", ada.id(), Samples.orderPaid("evt_1", ada));

  private Message stored() {
    return messages.get(job.messageId()).orElseThrow();
  }

  @Test
  void recordsFailedRetriesExhaustedForAMessageNeverClaimed() {
    assertThat(deadLetter.record(job)).isTrue();

    Message message = stored();
    assertThat(message.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(message.reason()).isEqualTo("retries_exhausted");
    assertThat(message.distributionId()).isEqualTo("dist_1");
    assertThat(message.customerId()).isEqualTo(ada.id());
    assertThat(message.eventId()).isEqualTo("evt_1");
  }

  @Test
  void recordsFailedRetriesExhaustedForAMessageStuckSending() {
    messages.claim(Message.sending(job, T0));

    assertThat(deadLetter.record(job)).isTrue();

    assertThat(stored().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(stored().reason()).isEqualTo("retries_exhausted");
  }

  @Test
  void recordsFailedForAMessageReleasedAfterATransientFailure() {
    messages.claim(Message.sending(job, T0));
    messages.release(job.messageId(), "test");

    assertThat(deadLetter.record(job)).isTrue();

    assertThat(stored().status()).isEqualTo(MessageStatus.FAILED);
  }

  @Test
  void leavesASentMessageAlone() {
    messages.claim(Message.sending(job, T0));
    messages.finish(job.messageId(), MessageStatus.SENT, null, "prov-7");

    assertThat(deadLetter.record(job)).isFalse();

    assertThat(stored().status()).isEqualTo(MessageStatus.SENT);
    assertThat(stored().reason()).isNull();
    assertThat(stored().providerId()).isEqualTo("prov-7");
  }

  @Test
  void leavesASkippedMessageWithItsReason() {
    messages.claim(Message.sending(job, T0));
    messages.finish(job.messageId(), MessageStatus.SKIPPED, "no_address", null);

    assertThat(deadLetter.record(job)).isFalse();

    assertThat(stored().status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(stored().reason()).isEqualTo("no_address");
  }
}
