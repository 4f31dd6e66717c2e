package herald.domain.channels.intercom;

import herald.domain.channels.MessageContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An Intercom event's metadata: flat (no nested objects), at most 10 keys (Intercom's API keeps the first 10 of an
 * event and ignores the rest), strings of at most 255 characters. Without metadata of its own a channel sends what
 * the action provides, each field as {@code herald_<field>} (a publish_code's code as {@code herald_code}, a gift's
 * amount as {@code herald_amount}; the campaign's as {@code herald_campaign_<field>}), then the message's and the
 * distribution's ids and the trigger's type. Keys Intercom reads as dates ({@code _date}) carry Unix seconds.
 */
final class IntercomMetadata {
  static final int MAX_KEYS = 10;
  static final int MAX_VALUE = 255;
  /** Characters Intercom refuses in a metadata key. */
  static final Pattern FORBIDDEN_IN_KEY = Pattern.compile("[.$~`!@#%^&*'{}|\"\\p{Cntrl}]");

  private IntercomMetadata() {}

  /** What a channel without metadata sends: the action's values, then Herald's ids (never the customer's data). */
  static Map<String, Object> defaults(MessageContext context) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : context.data().entrySet()) {
      if (entry.getKey().equals("customer") || !(entry.getValue() instanceof Map<?, ?> values)) continue;
      String prefix = entry.getKey().equals("campaign") ? "herald_campaign_" : "herald_";
      values.forEach((field, value) -> put(metadata, prefix + field, value));
    }
    put(metadata, "herald_message_id", context.messageId());
    put(metadata, "herald_distribution_id", context.distributionId());
    if (context.event() != null) put(metadata, "herald_event_type", context.event().type());
    return metadata;
  }

  /** A rendered value cut to what Intercom keeps. */
  static String cut(String value) {
    return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
  }

  private static void put(Map<String, Object> metadata, String key, Object value) {
    if (metadata.size() >= MAX_KEYS || metadata.containsKey(key) || value == null) return;
    if (key.endsWith("_date")) {
      Long seconds = seconds(value);
      if (seconds != null) metadata.put(key, seconds);
    } else if (value instanceof Number || value instanceof Boolean) {
      metadata.put(key, value);
    } else if (value instanceof String text && !text.isEmpty() && text.length() <= MAX_VALUE) {
      metadata.put(key, text);
    }
  }

  private static Long seconds(Object value) {
    if (value instanceof Number number) return number.longValue();
    try {
      return Instant.parse(value.toString()).getEpochSecond();
    } catch (DateTimeParseException notAnInstant) {
      return null;
    }
  }
}
