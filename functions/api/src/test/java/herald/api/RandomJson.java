package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Arbitrary JSON for property tests: random trees, broken text, and valid documents with a few things changed. */
final class RandomJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RandomJson() {}

  static Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
        strings().map(NODES::textNode),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).map(NODES::numberNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
    if (depth == 0) return leaves;
    Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(4).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
    Arbitrary<JsonNode> objects = Combinators.combine(
        Arbitraries.oneOf(strings(), Arbitraries.of("type", "name", "event", "id", "data", "channels")).list().ofMaxSize(5),
        values(depth - 1).list().ofSize(5)).as((keys, vals) -> {
          ObjectNode object = NODES.objectNode();
          for (int i = 0; i < keys.size(); i++) object.set(keys.get(i), vals.get(i));
          return object;
        });
    return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(2, arrays), Tuple.of(4, objects));
  }

  static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.of("", " ", "{{", "{{#x}}", "{{>p}}", "}}", "customer.order.paid", "customer.custom_event",
            "manual", "email", "sms", "webhook", "https://127.0.0.1/x", "event_customer", "plain_message",
            "segment", "publish_code", "\u0000", "é✓😀", "x".repeat(300)));
  }

  static Arbitrary<String> garbage() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
        Arbitraries.of("", "{", "[", "null", "{\"name\":", "{\"a\":1}{", "\"text\"", "[1,2]", "{}"));
  }

  /** The valid document with one to three changes: a field removed, replaced by any JSON, or an unknown one added. */
  static Arbitrary<String> mutationsOf(ObjectNode valid, List<String> names) {
    Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 1000), values(2), Arbitraries.of(names))
        .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(3).map(changes -> {
      ObjectNode copy = valid.deepCopy();
      changes.forEach(change -> change.apply(copy));
      return copy.toString();
    });
  }

  private record Mutation(int kind, int where, JsonNode value, String name) {
    void apply(ObjectNode root) {
      List<ObjectNode> objects = new ArrayList<>();
      collect(root, objects);
      ObjectNode target = objects.get(where % objects.size());
      List<String> fields = new ArrayList<>();
      target.fieldNames().forEachRemaining(fields::add);
      switch (kind) {
        case 0 -> { if (!fields.isEmpty()) target.remove(fields.get(where % fields.size())); }
        case 1 -> { if (!fields.isEmpty()) target.set(fields.get(where % fields.size()), value); }
        default -> target.set(name, value);
      }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
      if (node instanceof ObjectNode object) into.add(object);
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) collect(children.next(), into);
    }
  }
}
