package herald.api;

import static herald.properties.Generators.ANY_CHAR;
import static herald.properties.Generators.anyInt;
import static herald.properties.Generators.anyText;
import static herald.properties.Generators.booleans;
import static herald.properties.Generators.decimals;
import static herald.properties.Generators.ints;
import static herald.properties.Generators.lists;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.text;
import static herald.properties.Generators.weighted;
import static org.quicktheories.generators.Generate.constant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.quicktheories.core.Gen;

/** Random JSON for property tests: random trees, broken text, and valid documents with a few things changed. */
final class RandomJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RandomJson() {}

  static Gen<JsonNode> values(int depth) {
    Gen<JsonNode> leaves = oneOf(
        strings().map(NODES::textNode),
        decimals(1_000_000_000_000L, 2).map(NODES::numberNode),
        anyInt().map(NODES::numberNode),
        booleans().map(NODES::booleanNode),
        constant(NODES.nullNode()));
    if (depth == 0) return leaves;
    Gen<JsonNode> arrays = lists(values(depth - 1), 0, 4).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
    Gen<JsonNode> objects = lists(oneOf(strings(), pick("type", "name", "event", "id", "data", "channels")), 0, 5)
        .zip(lists(values(depth - 1), 5, 5), (keys, vals) -> {
          ObjectNode object = NODES.objectNode();
          for (int i = 0; i < keys.size(); i++) object.set(keys.get(i), vals.get(i));
          return object;
        });
    return weighted(3, leaves, 2, arrays, 4, objects);
  }

  /** Short text, text of any characters (those SQS refuses among them), and values that mean something here. */
  static Gen<String> strings() {
    return oneOf(
        text(ANY_CHAR, 0, 12),
        anyText(0, 40),
        pick("", " ", "{{", "{{#x}}", "{{>p}}", "}}", "customer.order.paid", "customer.custom_event",
            "manual", "email", "sms", "webhook", "https://127.0.0.1/x", "event_customer", "plain_message",
            "segment", "publish_code", "\u0000", "\uFFFE", "\uFFFF", "\uD800", "é✓😀", "x".repeat(300)));
  }

  static Gen<String> garbage() {
    return oneOf(anyText(0, 30),
        pick("", "{", "[", "null", "{\"name\":", "{\"a\":1}{", "\"text\"", "[1,2]", "{}"));
  }

  /** The valid document with one to three changes: a field removed, replaced by any JSON, or an unknown one added. */
  static Gen<String> mutationsOf(ObjectNode valid, List<String> names) {
    Gen<Mutation> mutation = ints(0, 2).zip(ints(0, 1000), values(2), pick(names.toArray(String[]::new)),
        Mutation::new);
    return lists(mutation, 1, 3).map(changes -> {
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
