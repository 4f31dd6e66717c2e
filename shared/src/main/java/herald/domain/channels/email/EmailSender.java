package herald.domain.channels.email;

import herald.domain.channels.DeliveryFailure;
import java.util.OptionalInt;

/** Port: the email provider. */
public interface EmailSender {
  /**
   * Sends and returns the provider's message id. Throws {@link DeliveryFailure}: permanent when the
   * provider refused this message for good, transient when a later try may succeed.
   */
  String send(Email email);

  /** The most emails per second the provider takes from this account (SES's MaxSendRate); empty when unknown. */
  default OptionalInt maxSendRate() {
    return OptionalInt.empty();
  }
}
