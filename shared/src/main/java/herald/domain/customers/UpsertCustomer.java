package herald.domain.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Creates a customer, or changes the fields given on the one with the same source_id; and changes consents. */
public final class UpsertCustomer {
  private final Customers customers;
  private final Clock clock;

  public UpsertCustomer(Customers customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  public Customer upsert(CustomerProfile profile) {
    String id = Customer.idFor(profile.sourceId());
    Instant now = clock.instant();
    Customer merged = customers.get(id)
        .map(existing -> merge(existing, profile, now))
        .orElseGet(() -> new Customer(id, profile.sourceId(), profile.name(), profile.email(), profile.phone(),
            profile.metadata(), now, now, consents(Map.of(), profile.consents(), now)));
    customers.save(merged);
    return merged;
  }

  /**
   * Sets one consent of the customer with this id ("email" or "sms"); empty when there is no such customer.
   * An answer equal to the one recorded changes nothing, so its time stays the time it was first given.
   */
  public Optional<Customer> consent(String customerId, String channel, boolean granted) {
    Consent.channel(channel, "channel");
    return customers.get(customerId).map(existing -> {
      Consent current = existing.consents().get(channel);
      if (current != null && current.granted() == granted) return existing;
      Instant now = clock.instant();
      Customer changed = existing.withConsent(channel, new Consent(granted, now), now);
      customers.save(changed);
      return changed;
    });
  }

  private static Customer merge(Customer existing, CustomerProfile p, Instant now) {
    Map<String, Object> metadata = new HashMap<>(existing.metadata());
    if (p.metadata() != null) metadata.putAll(p.metadata());
    return new Customer(existing.id(), existing.sourceId(),
        p.name() != null ? p.name() : existing.name(),
        p.email() != null ? p.email() : existing.email(),
        p.phone() != null ? p.phone() : existing.phone(),
        metadata, existing.createdAt(), now, consents(existing.consents(), p.consents(), now));
  }

  /** The recorded consents with the answers given; an unchanged answer keeps the time it was given. */
  private static Map<String, Consent> consents(Map<String, Consent> recorded, Map<String, Boolean> given,
      Instant now) {
    Map<String, Consent> merged = new TreeMap<>(recorded);
    given.forEach((channel, granted) -> {
      Consent current = recorded.get(channel);
      if (current == null || current.granted() != granted) merged.put(channel, new Consent(granted, now));
    });
    return merged;
  }
}
