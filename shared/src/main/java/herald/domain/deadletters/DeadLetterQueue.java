package herald.domain.deadletters;

import herald.domain.common.Invalid;
import java.util.Locale;

/**
 * The dead-letter queues, each named by its code ({@code fanout}, {@code jobs}...). The ones fed by an SQS queue's
 * redrive whose jobs may simply run again are redrivable: their job goes back on its queue as it was.
 */
public enum DeadLetterQueue {
  /** Send jobs: their messages end FAILED (the messages table), retried as messages, not from here. */
  SEND(false),
  /** Fan-out jobs: a segment shard of a distribution; redriven, the sender's claims keep its sends once each. */
  FANOUT(true),
  /** Background jobs: import parts, purges, code generation parts (each idempotent by its part). */
  JOBS(true),
  /** Customer change announcements; the sweep evaluates the customers anyway. */
  CUSTOMER_CHANGES(true),
  /** Parts of segment scans. */
  SEGMENT_SCANS(true),
  /** Starts of manual sends: the send is stopped rather than left waiting. */
  MANUAL(false),
  /** Bus events the trigger or segments function could not take (EventBridge's or Lambda's dead letters). */
  TRIGGER(false),
  /** SES events the feedback function could not take. */
  FEEDBACK(false);

  private final boolean redrivable;

  DeadLetterQueue(boolean redrivable) {
    this.redrivable = redrivable;
  }

  public boolean redrivable() {
    return redrivable;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeadLetterQueue of(String code, String field) {
    for (DeadLetterQueue queue : values()) {
      if (queue.code().equals(code)) return queue;
    }
    throw new Invalid("invalid_queue", field, "unknown dead-letter queue: " + code);
  }
}
