package herald.domain.segments.rules;

import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.segments.rules.Operand.Flag;
import herald.domain.segments.rules.Operand.Numeric;
import herald.domain.segments.rules.Operand.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Customers and conditions for rule tests, with a fixed {@link #NOW}. */
final class Profiles {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant CREATED = Instant.parse("2026-01-15T08:30:00Z");

  private Profiles() {}

  /** Ada: every profile field set, consents, metadata and some behaviour. */
  static Customer ada() {
    Map<String, Object> metadata = Map.of("plan", "gold", "score", 42, "age", "37", "vip", "TRUE",
        "tags", List.of("beta", "newsletter", 7), "address", Map.of("city", "Lisbon", "zip", "1100-001"),
        "utm.source", "spring-sale", "birthday", "1989-04-12", "ratio", new java.math.BigDecimal("0.5"));
    Behaviour behaviour = new Behaviour(Map.of(
        "signed_up", new EventStats(1, NOW.minusSeconds(29 * 86_400)),
        "customer.order.paid", new EventStats(3, NOW.minusSeconds(2 * 86_400))), 3, 12_500,
        NOW.minusSeconds(2 * 86_400));
    return new Customer(Customer.idFor("ada-1"), "ada-1", "Ada Lovelace", "ada@mail.example", "+447700900123",
        "Europe/London", metadata, Map.of(Consent.EMAIL, new Consent(true, CREATED),
            Consent.SMS, new Consent(false, CREATED)), behaviour, CREATED, CREATED.plusSeconds(3600), 4);
  }

  /** A newcomer: only a source id, nothing else known. */
  static Customer newcomer() {
    return new Customer(Customer.idFor("new-1"), "new-1", null, null, null, null, Map.of(), Map.of(),
        Behaviour.NONE, null, null, 0);
  }

  /** A customer with these metadata and nothing else. */
  static Customer withMetadata(Map<String, Object> metadata) {
    return new Customer(Customer.idFor("m-1"), "m-1", null, null, null, null, metadata, Map.of(), Behaviour.NONE,
        CREATED, CREATED, 1);
  }

  /** A customer created at this time. */
  static Customer createdAt(Instant at) {
    return new Customer(Customer.idFor("c-1"), "c-1", null, null, null, null, Map.of(), Map.of(), Behaviour.NONE,
        at, at, 1);
  }

  /** A condition, its value given as a plain Java value (see {@link #operand}). */
  static Condition when(String field, String operator, Object value) {
    return Condition.of(field, Operator.named(operator).orElseThrow(), operand(value));
  }

  static Condition when(String field, String operator) {
    return when(field, operator, null);
  }

  static boolean matches(Customer customer, String field, String operator, Object value) {
    return when(field, operator, value).matches(customer, NOW);
  }

  /** Text, number, boolean, list (for in), Instant, LocalDate, or an Integer wrapped by {@link #daysAgo}. */
  static Operand operand(Object value) {
    return switch (value) {
      case null -> null;
      case Operand o -> o;
      case String s -> new Text(s);
      case Number n -> new Numeric(n.doubleValue());
      case Boolean b -> new Flag(b);
      case Instant i -> new Moment.At(i);
      case LocalDate d -> new Moment.Day(d);
      case List<?> list -> {
        List<Operand> values = new ArrayList<>();
        list.forEach(v -> values.add(operand(v)));
        yield new Operand.Values(values);
      }
      default -> throw new IllegalArgumentException("no operand for " + value);
    };
  }

  static Moment daysAgo(int days) {
    return new Moment.DaysAgo(days);
  }
}
