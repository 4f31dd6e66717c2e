package herald.domain;

/** Small checks on text fields, shared by the records that validate their input. */
public final class Text {
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
    if (at < 1 || at != v.lastIndexOf('@') || at == v.length() - 1 || v.chars().anyMatch(Character::isWhitespace)
        || !v.substring(at + 1).contains(".")) {
      throw new Invalid("invalid_email", field, field + " is not an email address");
    }
    return v;
  }

  public static String maxLength(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new Invalid("too_long", field, field + " is longer than " + max + " characters");
    }
    return value;
  }
}
