package herald.domain.customers;

import herald.domain.Ids;
import herald.domain.Text;
import java.time.Instant;
import java.util.Map;

/** A customer of the company using Herald, known by the company's own id (source_id). */
public record Customer(String id, String sourceId, String name, String email, String phone,
    Map<String, Object> metadata, Instant createdAt, Instant updatedAt) {

  public Customer {
    Text.required(id, "id");
    sourceId = Text.maxLength(Text.required(sourceId, "source_id"), 256, "source_id");
    name = Text.maxLength(Text.optional(name), 200, "name");
    email = email == null || email.isBlank() ? null : Text.email(email, "email");
    phone = Text.maxLength(Text.optional(phone), 32, "phone");
    metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }

  /** The customer id is derived from the source id, so an upsert never needs a lookup. */
  public static String idFor(String sourceId) {
    return Ids.derived("cust_", Text.required(sourceId, "source_id"));
  }
}
