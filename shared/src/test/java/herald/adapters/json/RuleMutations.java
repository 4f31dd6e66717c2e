package herald.adapters.json;

import static herald.properties.Generators.anyInt;
import static herald.properties.Generators.anyText;
import static herald.properties.Generators.booleans;
import static herald.properties.Generators.decimals;
import static herald.properties.Generators.ints;
import static herald.properties.Generators.lists;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.weighted;
import static org.quicktheories.generators.Generate.constant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.segments.rules.Group;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Segment rules as JSON that are almost right, for property tests: valid rules written by
 * {@link SegmentRuleJson} with one to three things changed (unknown fields and operators, values of the wrong
 * type, numbers as text, nulls, deep nesting, huge arrays), and JSON trees of any shape.
 */
public final class RuleMutations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RuleMutations() {}

  /** Valid rules with one to three changes, and (a fifth of the time) any JSON at all. */
  public static Gen<JsonNode> rules() {
    Gen<JsonNode> mutated = RandomRules.rules().map(SegmentRuleJson::write).zip(lists(mutation(), 1, 3),
        (rule, changes) -> {
          JsonNode root = rule.deepCopy();
          for (Mutation change : changes) root = change.apply(root);
          return root;
        });
    return weighted(4, mutated, 1, values(3));
  }

  /** Any JSON: leaves of every type, arrays, and objects with rule-like keys. */
  public static Gen<JsonNode> values(int depth) {
    Gen<JsonNode> leaves = oneOf(
        anyText(0, 10).map(NODES::textNode),
        pick("10", "1e3", "-0", "true", "2026-01-31", "2026-01-31T09:00:00+02:00", "equals", "metadata.plan",
            "", " ", "events..count").map(NODES::textNode),
        decimals(100_000_000_000_000_000L, 6).map(n -> (JsonNode) NODES.numberNode(n.movePointRight(2))),
        pick(new BigDecimal("1e400"), new BigDecimal("-1e-400"), new BigDecimal("0.0"), new BigDecimal("30.0"))
            .map(NODES::numberNode),
        pick(BigInteger.TWO.pow(70), BigInteger.valueOf(Long.MIN_VALUE)).map(NODES::numberNode),
        anyInt().map(NODES::numberNode),
        booleans().map(NODES::booleanNode),
        constant(NODES.nullNode()));
    if (depth == 0) return leaves;
    Gen<JsonNode> arrays = lists(values(depth - 1), 0, 4).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
    Gen<JsonNode> objects = lists(pick("and", "or", "field", "operator", "value", "days_ago", "not", "x"), 0, 4)
        .zip(lists(values(depth - 1), 4, 4), (keys, vals) -> {
          ObjectNode object = NODES.objectNode();
          for (int i = 0; i < keys.size(); i++) object.set(keys.get(i), vals.get(i));
          return object;
        });
    return weighted(3, leaves, 2, arrays, 3, objects);
  }

  private static Gen<Mutation> mutation() {
    Gen<JsonNode> operators = oneOf(pick("equals", "not_equals", "in", "contains", "starts_with", "greater_than",
        "less_than", "before", "after", "exists", "not_exists", "EQUALS", "like", "", "is").map(NODES::textNode),
        values(0));
    Gen<JsonNode> fields = oneOf(pick("name", "orders.count", "created_at", "consents.sms", "metadata.plan",
        "metadata.", "metadata..a", "events.x.count", "events.x.total", "orders", "metadata." + "a.".repeat(20) + "b",
        "metadata." + "x".repeat(300), "nickname").map(NODES::textNode), values(0));
    Gen<Integer> at = ints(0, 1000);
    return oneOf(
        at.zip(values(2), (where, v) -> replace(where, "value", v)),
        at.map(where -> (Mutation) root -> {
          numbersAsText(objectAt(root, where));
          return root;
        }),
        at.zip(operators, (where, v) -> replace(where, "operator", v)),
        at.zip(fields, (where, v) -> replace(where, "field", v)),
        at.zip(pick("not", "values", "and", "or", "days_ago"), values(1), (where, name, v) -> replace(where, name, v)),
        at.map(where -> (Mutation) root -> {
          ObjectNode target = objectAt(root, where);
          List<String> names = new ArrayList<>();
          target.fieldNames().forEachRemaining(names::add);
          if (!names.isEmpty()) target.remove(names.get(where % names.size()));
          return root;
        }),
        ints(1, 12).zip(pick("and", "or"), (n, logic) -> (Mutation) root -> wrap(root, n, logic)),
        ints(90, 700).zip(booleans(), (n, inValues) -> (Mutation) root -> huge(root, n, inValues)),
        constant((Mutation) root -> NODES.nullNode()));
  }

  private interface Mutation {
    JsonNode apply(JsonNode root);
  }

  private static Mutation replace(int at, String name, JsonNode value) {
    return root -> {
      objectAt(root, at).set(name, value.deepCopy());
      return root;
    };
  }

  private static JsonNode wrap(JsonNode root, int times, String logic) {
    for (int i = 0; i < times; i++) {
      ObjectNode group = NODES.objectNode();
      group.putArray(logic).add(root);
      root = group;
    }
    return root;
  }

  /**
   * A group of {@code n} copies of the rule, or the rule's first condition with an in list of {@code n}; a rule
   * already made huge stays as it is (copies of copies would fill the memory, and prove nothing more).
   */
  private static JsonNode huge(JsonNode root, int n, boolean inValues) {
    if (inValues) {
      ObjectNode target = objectAt(root, 0);
      ArrayNode values = NODES.arrayNode();
      for (int i = 0; i < n; i++) values.add(i % 3 == 0 ? NODES.numberNode(i) : NODES.textNode("v" + i));
      target.put("operator", "in").set("value", values);
      return root;
    }
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    if (objects.size() > Group.MAX_CONDITIONS * 3) return root;
    ObjectNode group = NODES.objectNode();
    ArrayNode rules = group.putArray("or");
    for (int i = 0; i < n; i++) rules.add(root.deepCopy());
    return group;
  }

  private static void numbersAsText(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode child = object.get(name);
        if (child.isNumber()) object.put(name, child.asText());
        else numbersAsText(child);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isNumber()) array.set(i, NODES.textNode(array.get(i).asText()));
        else numbersAsText(array.get(i));
      }
    }
  }

  /** The {@code at}-th object of the tree (modulo their number); the root when it is the only one. */
  private static ObjectNode objectAt(JsonNode root, int at) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    return objects.isEmpty() ? NODES.objectNode() : objects.get(at % objects.size());
  }

  private static void collect(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object) into.add(object);
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) collect(children.next(), into);
  }
}
