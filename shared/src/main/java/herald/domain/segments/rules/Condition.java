package herald.domain.segments.rules;

import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.segments.rules.Operand.Numeric;
import herald.domain.segments.rules.Operand.Text;
import java.time.Instant;
import java.util.List;

/**
 * One test of one field: {@code {"field": "metadata.plan", "operator": "equals", "value": "gold"}}. Which
 * operators and values a field takes is checked here, when the condition is made ({@link Operator#misfit} and
 * {@link Operator#refusal}):
 *
 * <ul>
 *   <li>text fields (source_id, name, email, phone, timezone): equals, not_equals, in, contains, starts_with
 *       with text; comparisons are exact and case-sensitive;
 *   <li>counts and amounts (events.X.count, orders.count, orders.total_amount; in minor units): equals,
 *       not_equals, in, greater_than, less_than with numbers; they are never missing: 0 when there is nothing,
 *       so {@code orders.count less_than 1} matches customers who never ordered;
 *   <li>times (created_at, updated_at, events.X.last_at, orders.last_order_at): before and after, with an
 *       ISO-8601 instant, a date or {@code {"days_ago": N}} ({@link Moment});
 *   <li>consents (consents.email, consents.sms): equals and not_equals with true or false (granted);
 *   <li>metadata: every operator; the value may be text, a number or a boolean (a list of them for in).
 *   <li>exists and not_exists on every field, with no value.
 * </ul>
 *
 * <p>Comparing, the rule's value decides how: <b>text</b> equals only the same text (a metadata number 10 does
 * not equal "10"); a <b>number</b> equals a number of the same value or text that is a plain decimal number
 * (1 equals 1.0 and "1.0"; CSV imports give metadata as text), and greater_than and less_than compare the same
 * way; a <b>boolean</b> equals a boolean or the text true or false in any case. contains finds text in text,
 * or an element equal to the value in a metadata list. before and after on metadata read text as an ISO-8601
 * instant or date.
 *
 * <p>A <b>missing</b> field (no value; for metadata also JSON null or the empty string) matches only
 * not_exists and not_equals. A value of the <b>wrong type</b> (text where a number is asked for, a list for
 * starts_with) matches nothing, never throws: not_equals is always exactly the opposite of equals, and
 * not_exists of exists.
 */
public record Condition(Field field, Operator operator, Operand value) implements Rule {
  public Condition {
    if (field == null) throw Invalid.required("field");
    if (operator == null) throw Invalid.required("operator");
    applies(field, operator);
    String refusal = operator.refusal(field.kind(), value);
    if (refusal != null) {
      throw new Invalid("invalid_value", "value", field.path() + " " + refusal + " (given " + Operand.describe(value)
          + ")");
    }
  }

  /**
   * Refuses an operator that does not apply to the field's kind ({@code orders.count contains}), naming the
   * {@code operator} as the field at fault: no value could make it right.
   */
  public static void applies(Field field, Operator operator) {
    String misfit = operator.misfit(field.kind());
    if (misfit != null) throw new Invalid("invalid_value", "operator", field.path() + " " + misfit);
  }

  /** The condition on the field a path names (see {@link Field#of}). */
  public static Condition of(String field, Operator operator, Operand value) {
    return new Condition(Field.of(field), operator, value);
  }

  @Override public boolean matches(Customer customer, Instant now) {
    return switch (operator) {
      case EXISTS -> field.present(customer);
      case NOT_EXISTS -> !field.present(customer);
      case EQUALS -> equal(customer, value);
      case NOT_EQUALS -> !equal(customer, value);
      case IN -> in(customer);
      case CONTAINS -> Comparisons.contains(field.value(customer), value);
      case STARTS_WITH -> field.value(customer) instanceof String s && s.startsWith(((Text) value).value());
      case GREATER_THAN -> field.number(customer) > ((Numeric) value).value();
      case LESS_THAN -> field.number(customer) < ((Numeric) value).value();
      case BEFORE -> field.instant(customer) instanceof Instant t && ((Moment) value).before(t, now);
      case AFTER -> field.instant(customer) instanceof Instant t && ((Moment) value).after(t, now);
    };
  }

  private boolean equal(Customer customer, Operand expected) {
    return expected instanceof Numeric n ? field.number(customer) == n.value()
        : Comparisons.equal(field.value(customer), expected);
  }

  private boolean in(Customer customer) {
    List<Operand> values = ((Operand.Values) value).values();
    if (field.kind() == FieldKind.NUMBER) {
      double number = field.number(customer);
      for (int i = 0, n = values.size(); i < n; i++) {
        if (((Numeric) values.get(i)).value() == number) return true;
      }
      return false;
    }
    Object actual = field.value(customer);
    if (actual == null) return false;
    for (int i = 0, n = values.size(); i < n; i++) {
      if (Comparisons.equal(actual, values.get(i))) return true;
    }
    return false;
  }

  /** True for before and after {@code {"days_ago": N}}: the time compared with moves with the evaluation. */
  @Override public boolean dependsOnNow() {
    return value instanceof Moment.DaysAgo;
  }

  @Override public int depth() {
    return 0;
  }

  @Override public int conditions() {
    return 1;
  }
}
