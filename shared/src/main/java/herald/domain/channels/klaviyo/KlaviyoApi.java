package herald.domain.channels.klaviyo;

import herald.domain.channels.DeliveryFailure;

/**
 * Port: Klaviyo's events API. Creates one event and returns what Klaviyo answered (it gives no id for an event,
 * only its HTTP status); throws {@link DeliveryFailure}, permanent when Klaviyo refused the event for good.
 */
public interface KlaviyoApi {
  String createEvent(KlaviyoEvent event);
}
