package herald.domain.segments.rules;

import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Customer;
import java.time.Instant;

/**
 * How often ({@code events.<name>.count}) and when last ({@code events.<name>.last_at}) the customer had an
 * event of one name. The name may contain dots ({@code events.customer.order.paid.count}): the suffix after the
 * last dot says which. An event never seen counts 0 and has no last time.
 */
public record EventField(String event, boolean count) implements Field {
  private static final String PREFIX = "events.";
  private static final String COUNT = ".count";
  private static final String LAST_AT = ".last_at";

  public EventField {
    if (event == null || event.isBlank()) throw herald.domain.common.Invalid.required("field");
  }

  static EventField named(String path) {
    if (!path.startsWith(PREFIX)) return null;
    boolean count = path.endsWith(COUNT);
    if (!count && !path.endsWith(LAST_AT)) return null;
    int end = path.length() - (count ? COUNT : LAST_AT).length();
    if (end <= PREFIX.length()) return null;
    String event = path.substring(PREFIX.length(), end);
    return event.isBlank() ? null : new EventField(event, count);
  }

  @Override public String path() {
    return PREFIX + event + (count ? COUNT : LAST_AT);
  }

  @Override public FieldKind kind() {
    return count ? FieldKind.NUMBER : FieldKind.INSTANT;
  }

  @Override public Object value(Customer c) {
    EventStats stats = c.behaviour().events().get(event);
    if (count) return stats == null ? 0L : stats.count();
    return stats == null ? null : stats.lastAt();
  }

  @Override public boolean present(Customer c) {
    return count || instant(c) != null;
  }

  @Override public double number(Customer c) {
    if (!count) return Double.NaN;
    EventStats stats = c.behaviour().events().get(event);
    return stats == null ? 0 : stats.count();
  }

  @Override public Instant instant(Customer c) {
    if (count) return null;
    EventStats stats = c.behaviour().events().get(event);
    return stats == null ? null : stats.lastAt();
  }
}
