package herald.sam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small casts and conversions for the plain maps and lists SnakeYAML builds, and JSON text of them. */
public final class Values {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Values() {}

  /** The value as JSON text (a redrive policy, Fn::ToJsonString). */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    if (value == null) return Map.of();
    if (value instanceof Map<?, ?> m) return (Map<String, Object>) m;
    throw new IllegalArgumentException("expected a mapping, got " + value);
  }

  @SuppressWarnings("unchecked")
  public static List<Object> list(Object value) {
    if (value == null) return List.of();
    if (value instanceof List<?> l) return (List<Object>) l;
    throw new IllegalArgumentException("expected a list, got " + value);
  }

  public static int integer(Object value, int otherwise) {
    if (value == null) return otherwise;
    if (value instanceof Number n) return n.intValue();
    if (value instanceof String s) return Integer.parseInt(s.trim());
    throw new IllegalArgumentException("expected a number, got " + value);
  }

  public static String string(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  /** SAM's Globals merge: maps merge key by key, lists concatenate, anything else the function's own value wins. */
  public static Object merge(Object global, Object own) {
    if (global instanceof Map<?, ?> && own instanceof Map<?, ?>) {
      Map<String, Object> merged = new LinkedHashMap<>(map(global));
      map(own).forEach((k, v) -> merged.put(k, merged.containsKey(k) ? merge(merged.get(k), v) : v));
      return merged;
    }
    if (global instanceof List<?> g && own instanceof List<?> o) {
      var joined = new java.util.ArrayList<Object>(g);
      joined.addAll(o);
      return joined;
    }
    return own == null ? global : own;
  }
}
