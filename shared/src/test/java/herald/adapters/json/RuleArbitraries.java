package herald.adapters.json;

import herald.domain.segments.rules.Condition;
import herald.domain.segments.rules.Group;
import herald.domain.segments.rules.Logic;
import herald.domain.segments.rules.Moment;
import herald.domain.segments.rules.Operand;
import herald.domain.segments.rules.Operator;
import herald.domain.segments.rules.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random valid segment rules for property tests (jqwik): every kind of field (event names and metadata keys
 * with dots and any characters), every operator the field takes, values from the edges (long and odd text,
 * huge, tiny and fractional numbers, instants far in the past and future, days_ago 0 to 36,500), groups nested
 * up to {@link Group#MAX_DEPTH} deep with at most {@link Group#MAX_CONDITIONS} conditions.
 */
public final class RuleArbitraries {
  private RuleArbitraries() {}

  public static Arbitrary<Rule> rules() {
    return rule(Group.MAX_DEPTH);
  }

  public static Arbitrary<Rule> rule(int groups) {
    if (groups == 0) return conditions().map(Rule.class::cast);
    Arbitrary<Rule> group = Combinators.combine(Arbitraries.of(Logic.values()),
        Arbitraries.lazy(() -> rule(groups - 1)).list().ofMinSize(1).ofMaxSize(4))
        .filter((logic, rules) -> rules.stream().mapToInt(Rule::conditions).sum() <= Group.MAX_CONDITIONS)
        .as((logic, rules) -> (Rule) new Group(logic, rules));
    return Arbitraries.frequencyOf(Tuple.of(3, conditions().map(Rule.class::cast)), Tuple.of(2, group));
  }

  public static Arbitrary<Condition> conditions() {
    return Arbitraries.oneOf(text(), number(), time(), consent(), metadata());
  }

  private static Arbitrary<Condition> text() {
    Arbitrary<String> field = Arbitraries.of("source_id", "name", "email", "phone", "timezone");
    Arbitrary<Operand.Text> value = texts();
    return Arbitraries.oneOf(
        Combinators.combine(field, Arbitraries.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS,
            Operator.STARTS_WITH), value).as(Condition::of),
        Combinators.combine(field, value.list().ofMinSize(1).ofMaxSize(5))
            .as((f, values) -> Condition.of(f, Operator.IN, new Operand.Values(List.copyOf(values)))),
        presence(field));
  }

  private static Arbitrary<Condition> number() {
    Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("orders.count", "orders.total_amount"),
        eventNames().map(name -> "events." + name + ".count"));
    return Arbitraries.oneOf(
        Combinators.combine(field, Arbitraries.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN,
            Operator.LESS_THAN), numbers()).as(Condition::of),
        Combinators.combine(field, numbers().list().ofMinSize(1).ofMaxSize(5))
            .as((f, values) -> Condition.of(f, Operator.IN, new Operand.Values(List.copyOf(values)))),
        presence(field));
  }

  private static Arbitrary<Condition> time() {
    Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of("created_at", "updated_at", "orders.last_order_at"),
        eventNames().map(name -> "events." + name + ".last_at"));
    return Arbitraries.oneOf(
        Combinators.combine(field, Arbitraries.of(Operator.BEFORE, Operator.AFTER), moments()).as(Condition::of),
        presence(field));
  }

  private static Arbitrary<Condition> consent() {
    Arbitrary<String> field = Arbitraries.of("consents.email", "consents.sms");
    return Arbitraries.oneOf(Combinators.combine(field, Arbitraries.of(Operator.EQUALS, Operator.NOT_EQUALS),
        Arbitraries.of(true, false).map(Operand.Flag::new)).as(Condition::of), presence(field));
  }

  private static Arbitrary<Condition> metadata() {
    Arbitrary<String> field = Arbitraries.strings().all().excludeChars('.').ofMinLength(1).ofMaxLength(8)
        .list().ofMinSize(1).ofMaxSize(16).map(parts -> "metadata." + String.join(".", parts));
    Arbitrary<Operand> scalar = Arbitraries.oneOf(texts(), numbers(), Arbitraries.of(true, false).map(Operand.Flag::new));
    return Arbitraries.oneOf(
        Combinators.combine(field, Arbitraries.of(Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS), scalar)
            .as(Condition::of),
        Combinators.combine(field, Arbitraries.oneOf(scalar.list().ofMinSize(1).ofMaxSize(5),
                scalar.list().ofSize(Operand.MAX_VALUES)))
            .as((f, values) -> Condition.of(f, Operator.IN, new Operand.Values(values))),
        Combinators.combine(field, texts()).as((f, v) -> Condition.of(f, Operator.STARTS_WITH, v)),
        Combinators.combine(field, Arbitraries.of(Operator.GREATER_THAN, Operator.LESS_THAN), numbers())
            .as(Condition::of),
        Combinators.combine(field, Arbitraries.of(Operator.BEFORE, Operator.AFTER), moments()).as(Condition::of),
        presence(field));
  }

  private static Arbitrary<Condition> presence(Arbitrary<String> field) {
    return Combinators.combine(field, Arbitraries.of(Operator.EXISTS, Operator.NOT_EXISTS))
        .as((f, op) -> Condition.of(f, op, null));
  }

  /** Event names as they come: custom ones and catalogue types with dots, even ones ending in .count. */
  static Arbitrary<String> eventNames() {
    return Arbitraries.oneOf(Arbitraries.of("signed_up", "customer.order.paid", "a.count", "x.last_at", "é✓😀"),
        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank()));
  }

  static Arbitrary<Operand.Text> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(Operand.MAX_TEXT),
        Arbitraries.of("gold", "10", "true", "2026-01-31", " ", "\u0000", "\"", "\\"))
        .map(Operand.Text::new);
  }

  static Arbitrary<Operand.Numeric> numbers() {
    return Arbitraries.oneOf(Arbitraries.integers().map(i -> (double) i),
        Arbitraries.longs().map(l -> (double) l),
        Arbitraries.doubles().between(-1e6, 1e6).ofScale(4),
        Arbitraries.doubles(),
        Arbitraries.of(0.0, -0.0, 0.1, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 9_007_199_254_740_992d,
            9_007_199_254_740_994d, 1e300, 1e-300, 123456789.125))
        .map(Operand.Numeric::new);
  }

  static Arbitrary<Moment> moments() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, Moment.MAX_DAYS_AGO).map(Moment.DaysAgo::new),
        Arbitraries.longs().between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
            .map(day -> new Moment.Day(LocalDate.ofEpochDay(day))),
        Combinators.combine(Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999)).as((s, n) -> new Moment.At(Instant.ofEpochSecond(s, n))),
        Arbitraries.longs().between(0, 4_102_444_800L).map(s -> new Moment.At(Instant.ofEpochSecond(s))));
  }
}
