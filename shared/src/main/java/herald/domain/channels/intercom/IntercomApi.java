package herald.domain.channels.intercom;

import herald.domain.channels.DeliveryFailure;

/**
 * Port: hands one data event to Intercom for the customer it names (finding or creating the contact by its
 * external id first). Returns Intercom's id of the contact; throws {@link DeliveryFailure}, permanent when Intercom
 * refused the data for good.
 */
public interface IntercomApi {
  String send(IntercomEvent event);
}
