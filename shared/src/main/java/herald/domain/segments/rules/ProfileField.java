package herald.domain.segments.rules;

import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import java.time.Instant;

/** The fields of a customer's profile, their consents and their order aggregates. */
public enum ProfileField implements Field {
  SOURCE_ID("source_id", FieldKind.TEXT),
  NAME("name", FieldKind.TEXT),
  EMAIL("email", FieldKind.TEXT),
  PHONE("phone", FieldKind.TEXT),
  TIMEZONE("timezone", FieldKind.TEXT),
  CREATED_AT("created_at", FieldKind.INSTANT),
  UPDATED_AT("updated_at", FieldKind.INSTANT),
  CONSENTS_EMAIL("consents.email", FieldKind.BOOLEAN),
  CONSENTS_SMS("consents.sms", FieldKind.BOOLEAN),
  ORDERS_COUNT("orders.count", FieldKind.NUMBER),
  ORDERS_TOTAL_AMOUNT("orders.total_amount", FieldKind.NUMBER),
  ORDERS_LAST_ORDER_AT("orders.last_order_at", FieldKind.INSTANT);

  private final String path;
  private final FieldKind kind;

  ProfileField(String path, FieldKind kind) {
    this.path = path;
    this.kind = kind;
  }

  static ProfileField named(String path) {
    for (ProfileField field : values()) {
      if (field.path.equals(path)) return field;
    }
    return null;
  }

  @Override public String path() {
    return path;
  }

  @Override public FieldKind kind() {
    return kind;
  }

  @Override public Object value(Customer c) {
    return switch (this) {
      case SOURCE_ID -> c.sourceId();
      case NAME -> c.name();
      case EMAIL -> c.email();
      case PHONE -> c.phone();
      case TIMEZONE -> c.timezone();
      case CREATED_AT -> c.createdAt();
      case UPDATED_AT -> c.updatedAt();
      case CONSENTS_EMAIL -> granted(c, Consent.EMAIL);
      case CONSENTS_SMS -> granted(c, Consent.SMS);
      case ORDERS_COUNT -> c.behaviour().orderCount();
      case ORDERS_TOTAL_AMOUNT -> c.behaviour().orderTotalAmount();
      case ORDERS_LAST_ORDER_AT -> c.behaviour().lastOrderAt();
    };
  }

  @Override public boolean present(Customer c) {
    return kind == FieldKind.NUMBER || value(c) != null;
  }

  @Override public double number(Customer c) {
    return switch (this) {
      case ORDERS_COUNT -> c.behaviour().orderCount();
      case ORDERS_TOTAL_AMOUNT -> c.behaviour().orderTotalAmount();
      default -> Double.NaN;
    };
  }

  @Override public Instant instant(Customer c) {
    return switch (this) {
      case CREATED_AT -> c.createdAt();
      case UPDATED_AT -> c.updatedAt();
      case ORDERS_LAST_ORDER_AT -> c.behaviour().lastOrderAt();
      default -> null;
    };
  }

  private static Boolean granted(Customer c, String channel) {
    Consent consent = c.consents().get(channel);
    return consent == null ? null : consent.granted();
  }
}
