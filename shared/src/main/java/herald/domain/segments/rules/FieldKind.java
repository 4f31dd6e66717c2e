package herald.domain.segments.rules;

/** What a field holds, which decides the operators and values a condition on it may use. */
public enum FieldKind {
  /** source_id, name, email, phone, timezone. */
  TEXT,
  /** Counts and amounts: events.X.count, orders.count, orders.total_amount; never missing (0 when none). */
  NUMBER,
  /** Times: created_at, updated_at, events.X.last_at, orders.last_order_at. */
  INSTANT,
  /** consents.email, consents.sms: granted or not, missing when the customer has not answered. */
  BOOLEAN,
  /** metadata.*: whatever the customer's metadata holds there (text, number, boolean, list, object). */
  ANY
}
