package herald.domain.channels;

/** A provider did not take a message; {@code permanent} says whether trying again can help. */
public final class DeliveryFailure extends RuntimeException {
  private final boolean permanent;
  private final String reason;

  private DeliveryFailure(boolean permanent, String reason, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
    this.reason = reason;
  }

  public static DeliveryFailure permanent(String reason, Throwable cause) {
    return new DeliveryFailure(true, reason, cause);
  }

  public static DeliveryFailure transientFailure(String reason, Throwable cause) {
    return new DeliveryFailure(false, reason, cause);
  }

  public boolean permanent() {
    return permanent;
  }

  public String reason() {
    return reason;
  }
}
