package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.platform.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Reads fields of a JSON object strictly: wrong types and unknown fields are refused with the field named. */
public final class Fields {
  private final JsonNode node;
  private final String path;

  private Fields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The object at {@code path}; refuses a non-object and any field outside {@code allowed}. */
  public static Fields of(JsonNode node, String path, Set<String> allowed) {
    String where = path.isEmpty() ? "body" : path;
    if (node == null || !node.isObject()) throw new Invalid("invalid_type", where, where + " must be a JSON object");
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new Invalid("unknown_field", join(path, name), "unknown field " + join(path, name));
      }
    }
    return new Fields(node, path);
  }

  public String text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) return null;
    if (!value.isTextual()) throw new Invalid("invalid_type", at(name), at(name) + " must be a string");
    return value.asText();
  }

  public String requiredText(String name) {
    String value = text(name);
    if (value == null || value.isBlank()) throw Invalid.required(at(name));
    return value;
  }

  public Map<String, Object> object(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) return null;
    if (!value.isObject()) throw new Invalid("invalid_type", at(name), at(name) + " must be a JSON object");
    return Json.toMap(value);
  }

  public JsonNode node(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  public JsonNode required(String name) {
    JsonNode value = node(name);
    if (value == null) throw Invalid.required(at(name));
    return value;
  }

  public String at(String name) {
    return join(path, name);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
