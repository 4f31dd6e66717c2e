package herald.domain.customers;

import herald.domain.common.Invalid;
import java.time.Instant;
import java.util.Set;

/**
 * A customer's answer for one channel: granted or revoked, and when it was last changed ({@code at}, set by
 * Herald). A channel without an answer is allowed; a revoked one is not.
 */
public record Consent(boolean granted, Instant at) {
  public static final String EMAIL = "email";
  public static final String SMS = "sms";
  /** The channels a consent can be given for. */
  public static final Set<String> CHANNELS = Set.of(EMAIL, SMS);

  /** The channel key as given, when it is one of {@link #CHANNELS}; refused as an unknown field otherwise. */
  public static String channel(String key, String field) {
    if (key == null || !CHANNELS.contains(key)) {
      throw new Invalid("unknown_field", field, "unknown field " + field + " (consents are for email and sms)");
    }
    return key;
  }
}
