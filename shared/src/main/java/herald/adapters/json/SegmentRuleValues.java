package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import herald.domain.common.Invalid;
import herald.domain.segments.rules.Moment;
import herald.domain.segments.rules.Operand;
import herald.domain.segments.rules.Operator;
import herald.platform.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code value} of a segment rule's condition as JSON, read as its operator asks: none for exists and
 * not_exists; an array for in; for before and after an ISO-8601 instant ({@code "2026-01-31T09:00:00Z"}, an
 * offset is allowed), a date ({@code "2026-01-31"}) or {@code {"days_ago": N}}; otherwise text, a number or a
 * boolean. Numbers are written back as integers when they are whole.
 */
final class SegmentRuleValues {
  private static final double MAX_EXACT = 9_007_199_254_740_992d; // 2^53

  private SegmentRuleValues() {}

  static Operand parse(JsonNode node, Operator operator, String path) {
    boolean none = operator == Operator.EXISTS || operator == Operator.NOT_EXISTS;
    if (node == null) {
      if (none) return null;
      throw Invalid.required(path);
    }
    if (none) throw new Invalid("invalid_value", path, path + ": " + operator.wire() + " takes no value");
    return switch (operator) {
      case IN -> values(node, path);
      case BEFORE, AFTER -> moment(node, path);
      default -> scalar(node, path);
    };
  }

  static JsonNode write(Operand value) {
    JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
    return switch (value) {
      case Operand.Text t -> nodes.textNode(t.value());
      case Operand.Numeric n -> Math.rint(n.value()) == n.value() && Math.abs(n.value()) <= MAX_EXACT
          ? nodes.numberNode((long) n.value()) : nodes.numberNode(n.value());
      case Operand.Flag f -> nodes.booleanNode(f.value());
      case Operand.Values v -> {
        ArrayNode array = nodes.arrayNode();
        v.values().forEach(e -> array.add(write(e)));
        yield array;
      }
      case Moment.At at -> nodes.textNode(at.instant().toString());
      case Moment.Day day -> nodes.textNode(day.date().toString());
      case Moment.DaysAgo ago -> nodes.objectNode().put("days_ago", ago.days());
    };
  }

  private static Operand scalar(JsonNode node, String path) {
    if (node.isTextual()) return at(path, () -> new Operand.Text(node.textValue()));
    if (node.isNumber()) return at(path, () -> new Operand.Numeric(node.doubleValue()));
    if (node.isBoolean()) return new Operand.Flag(node.booleanValue());
    throw new Invalid("invalid_value", path, path + " must be a text, a number or a boolean");
  }

  private static Operand values(JsonNode node, String path) {
    if (!node.isArray()) throw new Invalid("invalid_value", path, path + " must be an array for in");
    List<Operand> values = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) values.add(scalar(node.get(i), path + "[" + i + "]"));
    return at(path, () -> new Operand.Values(values));
  }

  private static Operand moment(JsonNode node, String path) {
    if (node.isObject()) {
      JsonNode days = Fields.of(node, path, Set.of("days_ago")).required("days_ago");
      if (!days.canConvertToInt() || !days.isIntegralNumber()) {
        throw new Invalid("invalid_value", path + ".days_ago", path + ".days_ago must be a whole number of days");
      }
      int n = days.intValue();
      return at(path, () -> new Moment.DaysAgo(n));
    }
    String text = node.isTextual() ? node.textValue() : "";
    try {
      if (text.length() == 10) return new Moment.Day(LocalDate.parse(text));
      if (text.length() > 10) return new Moment.At(Instant.parse(text));
    } catch (DateTimeParseException e) {
      // refused below
    }
    throw new Invalid("invalid_value", path,
        path + " must be an ISO-8601 instant (2026-01-31T09:00:00Z), a date (2026-01-31) or {\"days_ago\": N}");
  }

  /** Runs {@code make}, naming the field of what it refuses ({@code value...}) from {@code path}. */
  private static <T> T at(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (Invalid e) {
      String field = e.field().startsWith("value") ? path + e.field().substring("value".length()) : path;
      throw new Invalid(e.code(), field, field + ": " + e.getMessage());
    }
  }
}
