package herald.domain.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import herald.domain.common.Invalid;
import herald.domain.distributions.PatternMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Patterns of the simplest EventBridge form only: {@code {"field": ["value", ...], ...}} on top-level
 * fields of the data, each field matching when its value (as text) is one of those listed.
 * Anything else is refused by {@link #validate}. Records each pattern matched.
 */
public final class FakePatterns implements PatternMatcher {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final List<String> matched = new ArrayList<>();

  @Override
  public void validate(String pattern) {
    JsonNode node = parse(pattern);
    if (node == null || !node.isObject() || node.isEmpty()) throw refused();
    for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
      JsonNode list = values.next();
      if (!list.isArray() || list.isEmpty()) throw refused();
      list.forEach(v -> {
        if (!v.isValueNode()) throw refused();
      });
    }
  }

  @Override
  public synchronized boolean matches(String pattern, Map<String, Object> data) {
    matched.add(pattern);
    JsonNode node = parse(pattern);
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      Object actual = data.get(field.getKey());
      boolean any = false;
      for (JsonNode allowed : field.getValue()) any |= actual != null && allowed.asText().equals(actual.toString());
      if (!any) return false;
    }
    return true;
  }

  public synchronized List<String> matched() {
    return List.copyOf(matched);
  }

  private static JsonNode parse(String pattern) {
    try {
      return MAPPER.readTree(pattern);
    } catch (Exception e) {
      throw refused();
    }
  }

  private static Invalid refused() {
    return new Invalid("invalid_pattern", "trigger.pattern", "not a pattern this fake understands");
  }
}
