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

  private DeliveryFailure(boolean permanent, String reason, Duration retryAfter, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public static DeliveryFailure permanent(String reason, Throwable cause) {
    return new DeliveryFailure(true, reason, null, cause);
  }

  public static DeliveryFailure transientFailure(String reason, Throwable cause) {
    return new DeliveryFailure(false, reason, null, cause);
  }

  /** Transient, and the provider said when to try again ({@code null}: it did not; the usual backoff applies). */
  public static DeliveryFailure retryLater(String reason, Duration retryAfter) {
    return new DeliveryFailure(false, reason, retryAfter, null);
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
