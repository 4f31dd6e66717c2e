package herald.domain.channels;

import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import java.time.Instant;
import java.util.Map;

/**
 * What one message is made from, the same for a send and for a preview.
 *
 * @param messageId the message's id (a preview's is {@code msg_preview})
 * @param distributionName the distribution's name (a tool's default event name)
 * @param action the distribution's action type ({@code plain_message}), the type of a webhook's envelope
 * @param event the trigger event; null for a manual distribution's preview
 * @param brand null when the brand details are not set (a preview may go without)
 * @param scope the variables the templates see
 * @param data what the message is about: the customer and what the action provides (a webhook envelope's data)
 * @param unsubscribeUrl the customer's signed unsubscribe link, when the channel carries one
 * @param createdAt when the message was made: the event's time for a send, now for a preview
 */
public record MessageContext(String messageId, String distributionId, String distributionName,
    String action, TriggerEvent event,
    Customer customer, Brand brand, Map<String, Object> scope, Map<String, Object> data, String unsubscribeUrl,
    Instant createdAt) {}
