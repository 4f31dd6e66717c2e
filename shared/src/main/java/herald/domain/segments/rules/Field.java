package herald.domain.segments.rules;

import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import java.time.Instant;

/**
 * A field of a customer a condition looks at, named by its path: a profile field ({@code name}), a consent
 * ({@code consents.email}), a behaviour aggregate ({@code events.signed_up.count}, {@code orders.total_amount})
 * or a metadata value ({@code metadata.plan}). Reading a field never throws and allocates nothing for the
 * profile and behaviour fields.
 */
public sealed interface Field permits ProfileField, EventField, MetadataField {
  int MAX_PATH = 256;

  /** The path the field is named by in a rule, such as {@code metadata.address.city}. */
  String path();

  FieldKind kind();

  /** The customer's value, or null when it is missing (for metadata also JSON null and the empty string). */
  Object value(Customer customer);

  /** Whether the customer has a value (counts and amounts always do: 0 when there is nothing to count). */
  default boolean present(Customer customer) {
    return value(customer) != null;
  }

  /** The value as a number (numeric metadata text included), or NaN when it is missing or not a number. */
  default double number(Customer customer) {
    return Comparisons.number(value(customer));
  }

  /** The value as an instant (ISO-8601 metadata text included), or null when it is missing or not a time. */
  default Instant instant(Customer customer) {
    return Comparisons.instant(value(customer));
  }

  /** The field a path names; an unknown path is refused as {@code unknown_field} on {@code field}. */
  static Field of(String path) {
    if (path == null || path.isBlank()) throw Invalid.required("field");
    if (path.length() > MAX_PATH) {
      throw new Invalid("unknown_field", "field", "field paths are at most " + MAX_PATH + " characters");
    }
    Field field = ProfileField.named(path);
    if (field == null) field = EventField.named(path);
    if (field == null) field = MetadataField.named(path);
    if (field == null) {
      throw new Invalid("unknown_field", "field", "unknown field " + path + " (use source_id, name, email, phone,"
          + " timezone, created_at, updated_at, metadata.<path>, consents.email, consents.sms,"
          + " events.<name>.count, events.<name>.last_at, orders.count, orders.total_amount, orders.last_order_at)");
    }
    return field;
  }
}
