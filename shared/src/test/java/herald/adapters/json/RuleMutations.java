package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Segment rules as JSON that are almost right, for property tests: valid rules written by
 * {@link SegmentRuleJson} with one to three things changed (unknown fields and operators, values of the wrong
 * type, numbers as text, nulls, deep nesting, huge arrays), and JSON trees of any shape.
 */
public final class RuleMutations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RuleMutations() {}

  /** Valid rules with one to three changes, and (a fifth of the time) any JSON at all. */
  public static Arbitrary<JsonNode> rules() {
    Arbitrary<JsonNode> mutated = Combinators.combine(RuleArbitraries.rules().map(SegmentRuleJson::write),
        mutation().list().ofMinSize(1).ofMaxSize(3)).as((rule, changes) -> {
          JsonNode root = rule.deepCopy();
          for (Mutation change : changes) root = change.apply(root);
          return root;
        });
    return Arbitraries.frequencyOf(Tuple.of(4, mutated), Tuple.of(1, values(3)));
  }

  /** Any JSON: leaves of every type, arrays, and objects with rule-like keys. */
  public static Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10).map(NODES::textNode),
        Arbitraries.of("10", "1e3", "-0", "true", "2026-01-31", "2026-01-31T09:00:00+02:00", "equals", "metadata.plan",
            "", " ", "events..count").map(NODES::textNode),
        Arbitraries.bigDecimals().between(new BigDecimal("-1e20"), new BigDecimal("1e20")).map(NODES::numberNode),
        Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e-400"), new BigDecimal("0.0"), new BigDecimal("30.0"))
            .map(NODES::numberNode),
        Arbitraries.of(BigInteger.TWO.pow(70), BigInteger.valueOf(Long.MIN_VALUE)).map(NODES::numberNode),
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
        Arbitraries.of("and", "or", "field", "operator", "value", "days_ago", "not", "x").list().ofMaxSize(4),
        values(depth - 1).list().ofSize(4)).as((keys, vals) -> {
          ObjectNode object = NODES.objectNode();
          for (int i = 0; i < keys.size(); i++) object.set(keys.get(i), vals.get(i));
          return object;
        });
    return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(2, arrays), Tuple.of(3, objects));
  }

  private static Arbitrary<Mutation> mutation() {
    Arbitrary<JsonNode> operators = Arbitraries.oneOf(Arbitraries.of("equals", "not_equals", "in", "contains",
        "starts_with", "greater_than", "less_than", "before", "after", "exists", "not_exists", "EQUALS", "like", "",
        "is").map(NODES::textNode), values(0));
    Arbitrary<JsonNode> fields = Arbitraries.oneOf(Arbitraries.of("name", "orders.count", "created_at",
        "consents.sms", "metadata.plan", "metadata.", "metadata..a", "events.x.count", "events.x.total", "orders",
        "metadata." + "a.".repeat(20) + "b", "metadata." + "x".repeat(300), "nickname").map(NODES::textNode), values(0));
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(0, 1000), values(2)).as((at, v) -> replace(at, "value", v)),
        Arbitraries.integers().between(0, 1000).map(at -> (Mutation) root -> {
          numbersAsText(objectAt(root, at));
          return root;
        }),
        Combinators.combine(Arbitraries.integers().between(0, 1000), operators).as((at, v) -> replace(at, "operator", v)),
        Combinators.combine(Arbitraries.integers().between(0, 1000), fields).as((at, v) -> replace(at, "field", v)),
        Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.of("not", "values", "and", "or",
            "days_ago"), values(1)).as((at, name, v) -> replace(at, name, v)),
        Arbitraries.integers().between(0, 1000).map(at -> (Mutation) root -> {
          ObjectNode target = objectAt(root, at);
          List<String> names = new ArrayList<>();
          target.fieldNames().forEachRemaining(names::add);
          if (!names.isEmpty()) target.remove(names.get(at % names.size()));
          return root;
        }),
        Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.of("and", "or"))
            .as((n, logic) -> (Mutation) root -> wrap(root, n, logic)),
        Combinators.combine(Arbitraries.integers().between(90, 700), Arbitraries.of(true, false))
            .as((n, inValues) -> (Mutation) root -> huge(root, n, inValues)),
        Arbitraries.just(root -> NODES.nullNode()));
  }

  private interface Mutation {
    JsonNode apply(JsonNode root);
  }

  private static Mutation replace(int at, String name, JsonNode value) {
    return root -> {
      objectAt(root, at).set(name, value);
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

  /** A group of {@code n} copies of the rule, or the rule's first condition with an in list of {@code n}. */
  private static JsonNode huge(JsonNode root, int n, boolean inValues) {
    if (inValues) {
      ObjectNode target = objectAt(root, 0);
      ArrayNode values = NODES.arrayNode();
      for (int i = 0; i < n; i++) values.add(i % 3 == 0 ? NODES.numberNode(i) : NODES.textNode("v" + i));
      target.put("operator", "in").set("value", values);
      return root;
    }
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
