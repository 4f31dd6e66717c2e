package herald.domain.channels;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Helpers for channel settings: the field prefix of refusals, maps of names to templates, secrets, ordered maps. */
public final class ChannelSettings {
  public static final String AT = "channels[].";

  private ChannelSettings() {}

  /** Builds the channel at {@code index}, naming that index in any refusal ({@code channels[2].url}). */
  public static <T> T at(int index, Supplier<T> build) {
    try {
      return build.get();
    } catch (Invalid e) {
      String at = "channels[" + index + "]";
      throw new Invalid(e.code(), e.field().replace("channels[]", at), e.getMessage().replace("channels[]", at));
    }
  }

  /** A channel's name -> template map: at most {@code max} entries, names 1-100 characters, each value a template. */
  public static Map<String, String> templateMap(Map<String, String> given, String name, int max) {
    if (given == null) return Map.of();
    String field = AT + name;
    if (given.size() > max) throw new Invalid("too_many", field, field + " has more than " + max + " entries");
    Map<String, String> copy = new LinkedHashMap<>();
    given.forEach((key, value) -> {
      String at = field + "." + key;
      if (key == null || key.isBlank() || key.length() > 100) {
        throw new Invalid("invalid_value", at, field + " names must be 1 to 100 characters");
      }
      if (value == null) throw Invalid.required(at);
      copy.put(key, Text.maxLength(value, 10_000, at));
    });
    return Collections.unmodifiableMap(copy);
  }

  /** A write-only secret: optional here (a PUT may keep the stored one), 1-512 characters without spaces. */
  public static String secret(String value, String name) {
    if (value == null || value.isEmpty()) return null;
    String field = AT + name;
    if (value.length() > 512 || value.chars().anyMatch(Character::isWhitespace)) {
      throw new Invalid("invalid_value", field, field + " must be at most 512 characters, without spaces");
    }
    return value;
  }

  public static void put(Map<String, String> templates, String field, String template) {
    if (template != null) templates.put(field, template);
  }

  /** A map of the given names and values, in that order (a kind's example, its preview): name, value, name... */
  public static Map<String, Object> ordered(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    return map;
  }
}
