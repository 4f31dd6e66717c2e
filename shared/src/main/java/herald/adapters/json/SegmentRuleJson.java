package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.segments.SegmentRule;
import herald.domain.segments.rules.Condition;
import herald.domain.segments.rules.Field;
import herald.domain.segments.rules.Group;
import herald.domain.segments.rules.Logic;
import herald.domain.segments.rules.Operator;
import herald.domain.segments.rules.Rule;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Segment rules as JSON: a group {@code {"and": [...]}} or {@code {"or": [...]}} of conditions and groups, or
 * one condition {@code {"field": "metadata.plan", "operator": "equals", "value": "gold"}}. Parsing refuses a
 * bad rule with the JSON path of the part at fault ({@code rules.and[1].operator}); values are read by
 * {@link SegmentRuleValues}. {@code write(parse(x))} parses to an equal rule.
 */
public final class SegmentRuleJson {
  private static final Set<String> CONDITION = Set.of("field", "operator", "value");

  private SegmentRuleJson() {}

  /** The rule at {@code path} (such as {@code "rules"}); throws {@link Invalid} naming the path at fault. */
  public static Rule parse(JsonNode node, String path) {
    int[] conditions = {0};
    return parse(node, path, 1, conditions);
  }

  public static JsonNode write(SegmentRule rule) {
    return switch (rule) {
      case Group group -> {
        ObjectNode node = Json.object();
        ArrayNode rules = node.putArray(group.logic().key());
        group.rules().forEach(r -> rules.add(write(r)));
        yield node;
      }
      case Condition c -> {
        ObjectNode node = Json.object();
        node.put("field", c.field().path());
        node.put("operator", c.operator().wire());
        if (c.value() != null) node.set("value", SegmentRuleValues.write(c.value()));
        yield node;
      }
      default -> throw new IllegalArgumentException("not a rule made by SegmentRuleJson: " + rule);
    };
  }

  private static Rule parse(JsonNode node, String path, int depth, int[] conditions) {
    if (node == null || node.isNull()) throw Invalid.required(path);
    if (!node.isObject()) throw new Invalid("invalid_type", path, path + " must be a JSON object");
    if (node.has("and") || node.has("or")) return group(node, path, depth, conditions);
    if (++conditions[0] > Group.MAX_CONDITIONS) {
      throw new Invalid("too_many", path, "a rule holds at most " + Group.MAX_CONDITIONS + " conditions");
    }
    return condition(node, path);
  }

  private static Group group(JsonNode node, String path, int depth, int[] conditions) {
    Logic logic = node.has("and") ? Logic.AND : Logic.OR;
    Fields f = Fields.of(node, path, Set.of(logic.key()));
    String at = f.at(logic.key());
    if (depth > Group.MAX_DEPTH) {
      throw new Invalid("invalid_value", at, "groups nest at most " + Group.MAX_DEPTH + " deep");
    }
    JsonNode items = f.required(logic.key());
    if (!items.isArray()) throw new Invalid("invalid_type", at, at + " must be an array");
    if (items.isEmpty()) throw new Invalid("invalid_value", at, at + " must hold at least one rule");
    List<Rule> rules = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) rules.add(parse(items.get(i), at + "[" + i + "]", depth + 1, conditions));
    return at(path, () -> new Group(logic, rules));
  }

  private static Condition condition(JsonNode node, String path) {
    Fields f = Fields.of(node, path, CONDITION);
    String fieldPath = f.requiredText("field");
    String operatorName = f.requiredText("operator");
    Field field = at(path, () -> Field.of(fieldPath));
    Operator operator = Operator.named(operatorName).orElseThrow(() -> new Invalid("invalid_value",
        f.at("operator"), "unknown operator " + operatorName + " (use equals, not_equals, in, contains,"
            + " starts_with, greater_than, less_than, before, after, exists, not_exists)"));
    at(path, () -> {
      Condition.applies(field, operator);
      return operator;
    });
    var value = SegmentRuleValues.parse(f.node("value"), operator, f.at("value"));
    return at(path, () -> new Condition(field, operator, value));
  }

  /** Runs {@code make}, naming the fields of what it refuses from {@code path}. */
  private static <T> T at(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (Invalid e) {
      String field = path.isEmpty() ? e.field() : path + "." + e.field();
      throw new Invalid(e.code(), field, field + ": " + e.getMessage());
    }
  }
}
