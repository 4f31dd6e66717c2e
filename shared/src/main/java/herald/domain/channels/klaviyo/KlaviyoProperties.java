package herald.domain.channels.klaviyo;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.MessageContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's properties when the channel designs none: flat values (Klaviyo segments on top-level values that are
 * not objects) taken from what the message is about, never the customer's personal data (the profile carries who
 * it is). {@code distribution_id}, {@code event_type}, then what the action provides: a publish_code's or a
 * published_code's code as {@code herald_code} with {@code expiration_date} and {@code qr_url}, and each other
 * value as {@code <name>_<field>} ({@code campaign_id}, {@code campaign_name}, {@code promotion_tier_name},
 * {@code gift_amount}, {@code loyalty_points}, {@code reward_name}...). Values left empty are left out.
 */
final class KlaviyoProperties {
  /** Klaviyo's largest field: 100 kB. A longer value fails the message before it is sent. */
  static final int MAX_VALUE_BYTES = 100_000;

  private KlaviyoProperties() {}

  static Map<String, Object> defaults(MessageContext context) {
    Map<String, Object> properties = new LinkedHashMap<>();
    put(properties, "distribution_id", context.distributionId());
    if (context.event() != null && !context.event().manual()) put(properties, "event_type", context.event().type());
    context.data().forEach((name, value) -> {
      if (name.equals("customer") || !(value instanceof Map<?, ?> fields)) return;
      fields.forEach((field, fieldValue) -> {
        if (fieldValue instanceof Map<?, ?> || fieldValue instanceof Iterable<?>) return;
        put(properties, key(name, String.valueOf(field)), fieldValue);
      });
    });
    return properties;
  }

  /** Refuses, for good, a value Klaviyo would not take: over {@value #MAX_VALUE_BYTES} bytes of UTF-8. */
  static Map<String, Object> checked(Map<String, Object> properties) {
    properties.forEach((name, value) -> {
      if (value instanceof String text && text.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
        throw DeliveryFailure.permanent("property_too_large", null);
      }
    });
    return properties;
  }

  private static String key(String name, String field) {
    if (!name.equals("voucher")) return name + "_" + field;
    return field.equals("code") ? "herald_code" : field;
  }

  private static void put(Map<String, Object> properties, String key, Object value) {
    if (value == null || value instanceof String text && text.isEmpty()) return;
    properties.putIfAbsent(key, value);
  }
}
