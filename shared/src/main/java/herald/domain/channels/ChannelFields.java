package herald.domain.channels;

import herald.domain.common.Invalid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a channel's configuration strictly, as JSON arrives in the domain (maps, lists, texts, numbers, booleans):
 * a field outside the allowed ones or of the wrong type is refused with the field named. A field that is absent
 * or null reads as null. Paths start at {@code channels[]}; {@link ChannelSettings#at} puts the index in.
 */
public final class ChannelFields {
  private final Map<?, ?> fields;
  private final String path;

  private ChannelFields(Map<?, ?> fields, String path) {
    this.fields = fields;
    this.path = path;
  }

  /** The object at {@code path}; refuses anything else, and any field outside {@code allowed}. */
  public static ChannelFields of(Object value, String path, Set<String> allowed) {
    if (!(value instanceof Map<?, ?> map)) throw new Invalid("invalid_type", path, path + " must be a JSON object");
    for (Object name : map.keySet()) {
      if (!allowed.contains(String.valueOf(name))) {
        String at = path + "." + name;
        throw new Invalid("unknown_field", at, "unknown field " + at);
      }
    }
    return new ChannelFields(map, path);
  }

  /** The fields of a channel's configuration, {@code channels[].<name>}. */
  public static ChannelFields of(Object value, Set<String> allowed) {
    return of(value, "channels[]", allowed);
  }

  public String text(String name) {
    Object value = fields.get(name);
    if (value == null) return null;
    if (!(value instanceof String text)) throw new Invalid("invalid_type", at(name), at(name) + " must be a string");
    return text;
  }

  /** An object of texts ({@code {"X-Team": "growth"}}), in its order. */
  public Map<String, String> texts(String name) {
    Object value = fields.get(name);
    if (value == null) return null;
    String at = at(name);
    if (!(value instanceof Map<?, ?> map)) throw new Invalid("invalid_type", at, at + " must be a JSON object of strings");
    Map<String, String> texts = new LinkedHashMap<>();
    map.forEach((key, entry) -> {
      if (!(entry instanceof String text)) throw new Invalid("invalid_type", at + "." + key, at + "." + key + " must be a string");
      texts.put(String.valueOf(key), text);
    });
    return texts;
  }

  /** An array of texts. */
  public List<String> list(String name) {
    Object value = fields.get(name);
    if (value == null) return null;
    String at = at(name);
    if (!(value instanceof List<?> items)) throw new Invalid("invalid_type", at, at + " must be an array of strings");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof String text)) {
        throw new Invalid("invalid_type", at + "[" + i + "]", at + "[" + i + "] must be a string");
      }
      texts.add(text);
    }
    return texts;
  }

  /** An object whose own fields are read as strictly, or null when absent. */
  public ChannelFields object(String name, Set<String> allowed) {
    Object value = fields.get(name);
    return value == null ? null : of(value, at(name), allowed);
  }

  /** Any JSON value, as given. */
  public Object value(String name) {
    return fields.get(name);
  }

  public String at(String name) {
    return path + "." + name;
  }
}
