package herald.domain.delivery;

import java.time.Clock;

/** A send job that kept failing reached the dead-letter queue: its message ends FAILED, with the reason. */
public final class RecordDeadLetter {
  static final String REASON = "retries_exhausted";
  private final Messages messages;
  private final Clock clock;

  public RecordDeadLetter(Messages messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** True when the message was recorded FAILED; false when it already had a terminal status. */
  public boolean record(SendJob job) {
    Message message = Message.sending(job, clock.instant());
    return messages.failUnlessFinished(message, REASON);
  }
}
