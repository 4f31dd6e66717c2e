package herald.adapters.json;

import static herald.properties.Generators.ASCII_CHAR;
import static herald.properties.Generators.anyText;
import static herald.properties.Generators.booleans;
import static herald.properties.Generators.finiteDoubles;
import static herald.properties.Generators.ints;
import static herald.properties.Generators.lists;
import static herald.properties.Generators.longs;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.weighted;

import herald.domain.segments.rules.Condition;
import herald.domain.segments.rules.Group;
import herald.domain.segments.rules.Logic;
import herald.domain.segments.rules.Moment;
import herald.domain.segments.rules.Operand;
import herald.domain.segments.rules.Operator;
import herald.domain.segments.rules.Rule;
import herald.properties.Generators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * Random valid segment rules for property tests: every kind of field (event names and metadata keys with dots and
 * any characters), every operator the field takes, values from the edges (long and odd text, huge, tiny and
 * fractional numbers, instants far in the past and future, days_ago 0 to 36,500), groups nested up to
 * {@link Group#MAX_DEPTH} deep with at most {@link Group#MAX_CONDITIONS} conditions.
 */
public final class RandomRules {
  private RandomRules() {}

  public static Gen<Rule> rules() {
    return rule(Group.MAX_DEPTH);
  }

  public static Gen<Rule> rule(int groups) {
    Gen<Rule> condition = conditions().map(Rule.class::cast);
    if (groups == 0) return condition;
    Gen<Rule> group = pick(Logic.values()).zip(lists(rule(groups - 1), 1, 4),
        (logic, rules) -> (Rule) new Group(logic, withinLimit(rules)));
    return weighted(3, condition, 2, group);
  }

  /** The rules from the first on, as many as keep the whole under {@link Group#MAX_CONDITIONS} conditions. */
  private static List<Rule> withinLimit(List<Rule> rules) {
    List<Rule> kept = new ArrayList<>();
    int conditions = 0;
    for (Rule rule : rules) {
      if (!kept.isEmpty() && conditions + rule.conditions() > Group.MAX_CONDITIONS) break;
      kept.add(rule);
      conditions += rule.conditions();
    }
    return kept;
  }

  public static Gen<Condition> conditions() {
    return oneOf(text(), number(), time(), consent(), metadata());
  }

  private static Gen<Condition> text() {
    Gen<String> field = pick("source_id", "name", "email", "phone", "timezone");
    Gen<Operand.Text> value = texts();
    return oneOf(
        field.zip(pick(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS, Operator.STARTS_WITH), value,
            Condition::of),
        field.zip(lists(value, 1, 5), (f, values) -> Condition.of(f, Operator.IN, new Operand.Values(List.copyOf(values)))),
        presence(field));
  }

  private static Gen<Condition> number() {
    Gen<String> field = oneOf(pick("orders.count", "orders.total_amount"),
        eventNames().map(name -> "events." + name + ".count"));
    return oneOf(
        field.zip(pick(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN, Operator.LESS_THAN), numbers(),
            Condition::of),
        field.zip(lists(numbers(), 1, 5), (f, values) -> Condition.of(f, Operator.IN,
            new Operand.Values(List.copyOf(values)))),
        presence(field));
  }

  private static Gen<Condition> time() {
    Gen<String> field = oneOf(pick("created_at", "updated_at", "orders.last_order_at"),
        eventNames().map(name -> "events." + name + ".last_at"));
    return oneOf(field.zip(pick(Operator.BEFORE, Operator.AFTER), moments(), Condition::of), presence(field));
  }

  private static Gen<Condition> consent() {
    Gen<String> field = pick("consents.email", "consents.sms");
    return oneOf(field.zip(pick(Operator.EQUALS, Operator.NOT_EQUALS), booleans().map(Operand.Flag::new),
        Condition::of), presence(field));
  }

  private static Gen<Condition> metadata() {
    Gen<String> key = anyText(1, 8).map(part -> part.replace('.', '_'));
    Gen<String> field = lists(key, 1, 16).map(parts -> "metadata." + String.join(".", parts));
    Gen<Operand> scalar = oneOf(texts(), numbers(), booleans().map(Operand.Flag::new));
    return oneOf(
        field.zip(pick(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS), scalar, Condition::of),
        field.zip(oneOf(lists(scalar, 1, 5), lists(scalar, Operand.MAX_VALUES, Operand.MAX_VALUES)),
            (f, values) -> Condition.of(f, Operator.IN, new Operand.Values(values))),
        field.zip(texts(), (f, v) -> Condition.of(f, Operator.STARTS_WITH, v)),
        field.zip(pick(Operator.GREATER_THAN, Operator.LESS_THAN), numbers(), Condition::of),
        field.zip(pick(Operator.BEFORE, Operator.AFTER), moments(), Condition::of),
        presence(field));
  }

  private static Gen<Condition> presence(Gen<String> field) {
    return field.zip(pick(Operator.EXISTS, Operator.NOT_EXISTS), (f, op) -> Condition.of(f, op, null));
  }

  /** Event names as they come: custom ones and catalogue types with dots, even ones ending in .count. */
  static Gen<String> eventNames() {
    return oneOf(pick("signed_up", "customer.order.paid", "a.count", "x.last_at", "é✓😀"),
        anyText(1, 30).map(name -> name.isBlank() ? name + "x" : name));
  }

  static Gen<Operand.Text> texts() {
    return oneOf(anyText(1, 20), Generators.text(ASCII_CHAR, 1, Operand.MAX_TEXT),
        pick("gold", "10", "true", "2026-01-31", " ", "\u0000", "\"", "\\"))
        .map(Operand.Text::new);
  }

  static Gen<Operand.Numeric> numbers() {
    return oneOf(ints(Integer.MIN_VALUE, Integer.MAX_VALUE).map(i -> (double) i),
        longs(Long.MIN_VALUE, Long.MAX_VALUE).map(l -> (double) l),
        longs(-10_000_000_000L, 10_000_000_000L).map(l -> l / 10_000.0),
        finiteDoubles(),
        pick(0.0, -0.0, 0.1, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 9_007_199_254_740_992d,
            9_007_199_254_740_994d, 1e300, 1e-300, 123456789.125))
        .map(Operand.Numeric::new);
  }

  static Gen<Moment> moments() {
    return oneOf(
        ints(0, Moment.MAX_DAYS_AGO).map(Moment.DaysAgo::new),
        longs(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
            .map(day -> new Moment.Day(LocalDate.ofEpochDay(day))),
        longs(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()).zip(ints(0, 999_999_999),
            (s, n) -> new Moment.At(Instant.ofEpochSecond(s, n))),
        longs(0, 4_102_444_800L).map(s -> new Moment.At(Instant.ofEpochSecond(s))));
  }
}
