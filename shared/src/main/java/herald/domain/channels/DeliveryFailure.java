package herald.domain.channels;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider did not take a message; {@code permanent} says whether trying again can help, and a provider that
 * said when to come back (a 429's {@code Retry-After}) gives {@link #retryAfter()}: the job waits that long rather
 * than the usual backoff.
 */
public final class DeliveryFailure extends RuntimeException {
  private final boolean permanent;
  private final String reason;
  private final Duration retryAfter;
  private final boolean busy;

  private DeliveryFailure(boolean permanent, String reason, Duration retryAfter, boolean busy, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
    this.reason = reason;
    this.retryAfter = retryAfter;
    this.busy = busy;
  }

  public static DeliveryFailure permanent(String reason, Throwable cause) {
    return new DeliveryFailure(true, reason, null, false, cause);
  }

  public static DeliveryFailure transientFailure(String reason, Throwable cause) {
    return new DeliveryFailure(false, reason, null, false, cause);
  }

  /** Transient, and the provider said when to try again ({@code null}: it did not; the usual backoff applies). */
  public static DeliveryFailure retryLater(String reason, Duration retryAfter) {
    return new DeliveryFailure(false, reason, retryAfter, false, null);
  }

  /**
   * Herald's own pacing, not the provider's answer: the provider was not called (a Mailchimp connection slot is
   * not free), so the job is queued again after {@code wait} without spending one of its tries.
   */
  public static DeliveryFailure busy(String reason, Duration wait) {
    return new DeliveryFailure(false, reason, wait, true, null);
  }

  /** Whether it is Herald's own pacing ({@link #busy}): the provider was not called. */
  public boolean busy() {
    return busy;
  }

  public boolean permanent() {
    return permanent;
  }

  public String reason() {
    return reason;
  }

  /** How long the provider asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
