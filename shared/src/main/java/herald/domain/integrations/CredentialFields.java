package herald.domain.integrations;

import herald.domain.common.Invalid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a tool's credentials strictly: only its fields, each a text; refusals name {@code credentials.<field>}. */
public final class CredentialFields {
  private final Map<String, Object> given;

  private CredentialFields(Map<String, Object> given) {
    this.given = given;
  }

  /** Refuses any field outside {@code fields}. */
  public static CredentialFields of(Map<String, Object> given, List<String> fields) {
    for (String name : given.keySet()) {
      if (!fields.contains(name)) {
        throw new Invalid("unknown_field", at(name), "unknown field " + at(name) + "; use " + String.join(", ", fields));
      }
    }
    return new CredentialFields(given);
  }

  /** A required secret text: 1 to 512 characters, no spaces or control characters. */
  public String secret(String name) {
    String value = optional(name);
    if (value == null) throw Invalid.required(at(name));
    return value;
  }

  /** An optional text (null when absent), with the same rules. */
  public String optional(String name) {
    Object value = given.get(name);
    if (value == null) return null;
    if (!(value instanceof String text)) throw new Invalid("invalid_type", at(name), at(name) + " must be a string");
    if (text.isEmpty() || text.length() > 512 || text.codePoints().anyMatch(c -> Character.isWhitespace(c)
        || Character.isISOControl(c))) {
      throw new Invalid("invalid_value", at(name), at(name) + " must be 1 to 512 characters, without spaces");
    }
    return text;
  }

  /** The checked values, in order, absent ones left out. */
  public static Map<String, String> ordered(String... namesAndValues) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) values.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return values;
  }

  public static String at(String name) {
    return "credentials." + name;
  }
}
