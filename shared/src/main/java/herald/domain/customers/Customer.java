package herald.domain.customers;

import herald.domain.common.Ids;
import herald.domain.common.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer of the company using Herald, known by the company's own id (source_id). {@code consents} holds
 * the customer's answers per channel ("email", "sms"); a channel without one is allowed. {@code timezone} is
 * an IANA zone id. {@code behaviour} is what the customer's events added up to. {@code version} counts the
 * saved changes (0 for a customer not saved yet), so concurrent writers cannot overwrite each other.
 */
public record Customer(String id, String sourceId, String name, String email, String phone, String timezone,
    Map<String, Object> metadata, Map<String, Consent> consents, Behaviour behaviour, Instant createdAt,
    Instant updatedAt, long version) {

  public Customer {
    Text.required(id, "id");
    sourceId = Text.maxLength(Text.required(sourceId, "source_id"), 256, "source_id");
    name = Text.maxLength(Text.optional(name), 200, "name");
    email = email == null || email.isBlank() ? null : Text.email(email, "email");
    phone = Text.phone(phone, "phone");
    timezone = Text.timezone(timezone, "timezone");
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    consents = copy(consents);
    behaviour = behaviour == null ? Behaviour.NONE : behaviour;
  }

  /** A customer with consents, no timezone, no behaviour yet, not saved yet. */
  public Customer(String id, String sourceId, String name, String email, String phone,
      Map<String, Object> metadata, Instant createdAt, Instant updatedAt, Map<String, Consent> consents) {
    this(id, sourceId, name, email, phone, null, metadata, consents, Behaviour.NONE, createdAt, updatedAt, 0);
  }

  /** A customer who has given no consent answer yet. */
  public Customer(String id, String sourceId, String name, String email, String phone, Map<String, Object> metadata,
      Instant createdAt, Instant updatedAt) {
    this(id, sourceId, name, email, phone, metadata, createdAt, updatedAt, Map.of());
  }

  /** The customer id is derived from the source id, so an upsert never needs a lookup. */
  public static String idFor(String sourceId) {
    return Ids.derived("cust_", Text.required(sourceId, "source_id"));
  }

  /** False only when the customer revoked their consent for this channel ("email", "sms"). */
  public boolean allows(String channel) {
    Consent consent = consents.get(channel);
    return consent == null || consent.granted();
  }

  /** This customer with the consent for {@code channel} set to {@code consent}, changed at {@code now}. */
  public Customer withConsent(String channel, Consent consent, Instant now) {
    Map<String, Consent> changed = new TreeMap<>(consents);
    changed.put(channel, consent);
    return new Customer(id, sourceId, name, email, phone, timezone, metadata, changed, behaviour, createdAt, now,
        version);
  }

  /** This customer with these aggregates of their events (the profile's updated_at stays). */
  public Customer withBehaviour(Behaviour behaviour) {
    return new Customer(id, sourceId, name, email, phone, timezone, metadata, consents, behaviour, createdAt,
        updatedAt, version);
  }

  /** This customer with its profile changed at {@code now}. */
  public Customer withUpdatedAt(Instant now) {
    return new Customer(id, sourceId, name, email, phone, timezone, metadata, consents, behaviour, createdAt, now,
        version);
  }

  /** This customer as saved at {@code version} (for stores). */
  public Customer withVersion(long version) {
    return new Customer(id, sourceId, name, email, phone, timezone, metadata, consents, behaviour, createdAt,
        updatedAt, version);
  }

  private static Map<String, Consent> copy(Map<String, Consent> consents) {
    if (consents == null || consents.isEmpty()) return Map.of();
    Map<String, Consent> copy = new TreeMap<>();
    consents.forEach((channel, consent) -> {
      Consent.channel(channel, "consents." + channel);
      if (consent == null) throw herald.domain.common.Invalid.required("consents." + channel);
      copy.put(channel, consent);
    });
    return Collections.unmodifiableMap(copy);
  }
}
