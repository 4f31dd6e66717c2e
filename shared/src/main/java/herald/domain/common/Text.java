package herald.domain.common;

import java.time.ZoneId;
import java.util.Set;

/** Small checks on text fields, shared by the records that validate their input. */
public final class Text {
  private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

  private Text() {}

  public static String required(String value, String field) {
    if (value == null || value.isBlank()) throw Invalid.required(field);
    return value.strip();
  }

  public static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public static String email(String value, String field) {
    String v = required(value, field);
    int at = v.indexOf('@');
    plain(v, field);
    if (at < 1 || at != v.lastIndexOf('@') || at == v.length() - 1 || v.chars().anyMatch(Character::isWhitespace)
        || !v.substring(at + 1).contains(".")) {
      throw new Invalid("invalid_email", field, field + " is not an email address");
    }
    return v;
  }

  /** An E.164 phone number (a plus, then 8 to 15 digits, the first not 0), or null when none is given. */
  public static String phone(String value, String field) {
    String v = optional(value);
    if (v == null) return null;
    if (!v.matches("\\+[1-9]\\d{7,14}")) {
      throw new Invalid("invalid_phone", field, field + " must be an E.164 number, such as +447700900123");
    }
    return v;
  }

  /**
   * An IANA time zone id such as {@code Europe/Warsaw}, or null when none is given. Offsets ({@code +02:00})
   * and names the time zone database does not know are refused.
   */
  public static String timezone(String value, String field) {
    String v = optional(value);
    if (v == null) return null;
    if (!ZONES.contains(v)) {
      throw new Invalid("invalid_timezone", field, field + " must be an IANA time zone id, such as Europe/Warsaw");
    }
    return v;
  }

  /**
   * Text that is only text: no control characters (NUL, CR, LF, tab and the rest of Unicode's Cc) and no lone
   * surrogate. For ids, names and whatever reaches a header.
   */
  public static String plain(String value, String field) {
    if (value == null) return null;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (Character.isISOControl(c) || c <= 0xFFFF && Character.isSurrogate((char) c)) {
        throw new Invalid("invalid_characters", field, field + " must not contain control characters or lone "
            + "surrogates (found U+" + String.format("%04X", c) + " at " + i + ")");
      }
      i += Character.charCount(c);
    }
    return value;
  }

  public static String maxLength(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new Invalid("too_long", field, field + " is longer than " + max + " characters");
    }
    return value;
  }
}
