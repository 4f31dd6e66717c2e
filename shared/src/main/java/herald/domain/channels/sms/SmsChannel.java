package herald.domain.channels.sms;

import herald.domain.channels.Channel;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.Map;
import java.util.Set;

/**
 * A text message: its text is a Mustache template of at most 1600 characters; promotional (default)
 * or transactional; an optional alphanumeric sender id (1-11 letters or digits, at least one letter).
 */
public record SmsChannel(String text, String smsType, String senderId) implements Channel {
  public static final Set<String> TYPES = Set.of("promotional", "transactional");

  public SmsChannel {
    text = Text.maxLength(Text.required(text, "channels[].text"), 1600, "channels[].text");
    smsType = smsType == null ? "promotional" : smsType;
    if (!TYPES.contains(smsType)) {
      throw new Invalid("invalid_value", "channels[].sms_type", "channels[].sms_type must be promotional or transactional");
    }
    senderId = Text.optional(senderId);
    if (senderId != null && !senderId.matches("[A-Za-z0-9]{1,11}") || senderId != null && !senderId.matches(".*[A-Za-z].*")) {
      throw new Invalid("invalid_value", "channels[].sender_id",
          "channels[].sender_id must be 1 to 11 letters or digits, with at least one letter");
    }
  }

  @Override
  public String type() {
    return SmsKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    return Map.of("text", text);
  }

  /** How many SMS segments the text takes as written. */
  public int segments() {
    return SmsSegments.count(text);
  }
}
