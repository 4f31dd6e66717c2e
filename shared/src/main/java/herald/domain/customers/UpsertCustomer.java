package herald.domain.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Creates a customer, or changes the fields given on the one with the same source_id. */
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
            profile.metadata(), now, now));
    customers.save(merged);
    return merged;
  }

  private static Customer merge(Customer existing, CustomerProfile p, Instant now) {
    Map<String, Object> metadata = new HashMap<>(existing.metadata());
    if (p.metadata() != null) metadata.putAll(p.metadata());
    return new Customer(existing.id(), existing.sourceId(),
        p.name() != null ? p.name() : existing.name(),
        p.email() != null ? p.email() : existing.email(),
        p.phone() != null ? p.phone() : existing.phone(),
        metadata, existing.createdAt(), now);
  }
}
