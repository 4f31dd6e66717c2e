package herald.domain.segments.rules;

import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid rules and random customers, from a seed, for the property tests. Rules nest at most 4 deep and
 * hold at most 49 conditions, so a test can put two of them in one more group.
 */
public final class RandomRules {
  private static final String[] TEXT_FIELDS = {"source_id", "name", "email", "phone", "timezone"};
  private static final String[] NUMBER_FIELDS = {"orders.count", "orders.total_amount", "events.signed_up.count",
      "events.customer.order.paid.count"};
  private static final String[] TIME_FIELDS = {"created_at", "updated_at", "orders.last_order_at",
      "events.signed_up.last_at", "events.customer.order.paid.last_at"};
  private static final String[] METADATA = {"metadata.plan", "metadata.score", "metadata.tags", "metadata.a.b",
      "metadata.utm.source", "metadata.since"};
  private static final String[] WORDS = {"gold", "silver", "ada", "10", "2.5", "true", "2026-01-31", "+44", "a"};

  private final Random random;
  private int conditions;

  public RandomRules(long seed) {
    this.random = new Random(seed);
  }

  public Rule rule() {
    conditions = 0;
    return rule(1);
  }

  private Rule rule(int depth) {
    if (depth >= Group.MAX_DEPTH || conditions > 35 || random.nextInt(3) > 0) return condition();
    List<Rule> rules = new ArrayList<>();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) rules.add(rule(depth + 1));
    return new Group(random.nextBoolean() ? Logic.AND : Logic.OR, rules);
  }

  public Condition condition() {
    conditions++;
    return switch (random.nextInt(6)) {
      case 0 -> text();
      case 1 -> number();
      case 2 -> timeCondition();
      case 3 -> Condition.of(pick(new String[] {"consents.email", "consents.sms"}),
          random.nextBoolean() ? Operator.EQUALS : Operator.NOT_EQUALS, new Operand.Flag(random.nextBoolean()));
      default -> metadata();
    };
  }

  private Condition text() {
    Operator op = pick(new Operator[] {Operator.EQUALS, Operator.NOT_EQUALS, Operator.CONTAINS,
        Operator.STARTS_WITH, Operator.IN, Operator.EXISTS, Operator.NOT_EXISTS});
    Operand value = switch (op) {
      case IN -> new Operand.Values(List.of(new Operand.Text(pick(WORDS)), new Operand.Text(pick(WORDS))));
      case EXISTS, NOT_EXISTS -> null;
      default -> new Operand.Text(pick(WORDS));
    };
    return Condition.of(pick(TEXT_FIELDS), op, value);
  }

  private Condition number() {
    Operator op = pick(new Operator[] {Operator.EQUALS, Operator.NOT_EQUALS, Operator.GREATER_THAN,
        Operator.LESS_THAN, Operator.IN});
    Operand value = op == Operator.IN ? new Operand.Values(List.of(numeric(), numeric())) : numeric();
    return Condition.of(pick(NUMBER_FIELDS), op, value);
  }

  private Condition timeCondition() {
    Operator op = pick(new Operator[] {Operator.BEFORE, Operator.AFTER, Operator.EXISTS, Operator.NOT_EXISTS});
    return Condition.of(pick(TIME_FIELDS), op, op == Operator.BEFORE || op == Operator.AFTER ? moment() : null);
  }

  private Condition metadata() {
    Operator op = pick(Operator.values());
    Operand value = switch (op) {
      case EQUALS, NOT_EQUALS, CONTAINS -> scalar();
      case IN -> new Operand.Values(List.of(scalar(), scalar(), scalar()));
      case STARTS_WITH -> new Operand.Text(pick(WORDS));
      case GREATER_THAN, LESS_THAN -> numeric();
      case BEFORE, AFTER -> moment();
      case EXISTS, NOT_EXISTS -> null;
    };
    return Condition.of(pick(METADATA), op, value);
  }

  private Operand scalar() {
    return switch (random.nextInt(3)) {
      case 0 -> new Operand.Text(pick(WORDS));
      case 1 -> numeric();
      default -> new Operand.Flag(random.nextBoolean());
    };
  }

  private Operand.Numeric numeric() {
    return new Operand.Numeric(random.nextBoolean() ? random.nextInt(20) : random.nextInt(4000) / 4.0);
  }

  private Moment moment() {
    return switch (random.nextInt(3)) {
      case 0 -> new Moment.DaysAgo(random.nextInt(60));
      case 1 -> new Moment.Day(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(90)));
      default -> new Moment.At(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(90 * 86_400)));
    };
  }

  public Customer customer() {
    Map<String, Object> metadata = new HashMap<>();
    if (random.nextBoolean()) metadata.put("plan", pick(new Object[] {"gold", "silver", "", 3, true}));
    if (random.nextBoolean()) metadata.put("score", pick(new Object[] {10, "10", 2.5, "2.5", "x", 0L}));
    if (random.nextBoolean()) metadata.put("tags", List.of(pick(WORDS), random.nextInt(20)));
    if (random.nextBoolean()) metadata.put("a", Map.of("b", pick(WORDS)));
    if (random.nextBoolean()) metadata.put("utm.source", pick(WORDS));
    if (random.nextBoolean()) metadata.put("since", pick(new Object[] {"2026-01-31", "2026-02-10T10:00:00Z", 5}));
    Map<String, EventStats> events = new HashMap<>();
    if (random.nextBoolean()) events.put("signed_up", new EventStats(1 + random.nextInt(3), time()));
    long orders = random.nextInt(3);
    if (orders > 0) events.put("customer.order.paid", new EventStats(orders, time()));
    Map<String, Consent> consents = new HashMap<>();
    if (random.nextBoolean()) consents.put(Consent.EMAIL, new Consent(random.nextBoolean(), time()));
    Instant created = time();
    return new Customer(Customer.idFor("c" + random.nextInt(1000)), "src-" + random.nextInt(100),
        random.nextBoolean() ? "ada " + pick(WORDS) : null, random.nextBoolean() ? "ada@mail.example" : null,
        random.nextBoolean() ? "+447700900123" : null, random.nextBoolean() ? "Europe/London" : null, metadata,
        consents, new Behaviour(events, orders, orders * random.nextInt(5000), orders > 0 ? time() : null),
        created, created.plusSeconds(random.nextInt(86_400)), 1);
  }

  public Instant now() {
    return Instant.parse("2026-03-01T00:00:00Z").plusSeconds(random.nextInt(30 * 86_400));
  }

  private Instant time() {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(60 * 86_400));
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }
}
