package herald.domain.channels.braze;

import herald.domain.channels.DeliveryFailure;

/** Braze's REST API, as the Braze channel uses it. */
public interface BrazeApi {
  /**
   * Sends the message in one call and returns Braze's id for it (a trigger's {@code dispatch_id}; null for
   * {@code /users/track}, which gives none); throws {@link DeliveryFailure}, permanent when Braze refused the
   * message or any object in it.
   */
  String send(BrazeMessage message);
}
