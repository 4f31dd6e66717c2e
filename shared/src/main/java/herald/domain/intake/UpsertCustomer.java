package herald.domain.intake;

import herald.domain.customers.Behaviour;
import herald.domain.customers.Clashes;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.customers.Customers;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates a customer, or changes the fields given on the one with the same source_id; and changes consents.
 * Each read-merge-write is optimistic: when another writer saved the customer in between, it reads and merges
 * again, so two upserts at once both keep their fields. A profile that changes nothing writes nothing. Every save
 * marks the customer as changed ({@link Customers#save}); {@link #upsert} and {@link #apply} then announce the
 * customer they saved ({@link CustomerChanges}) and the segments function evaluates them. Nothing is announced for
 * a profile that changed nothing: its last save was announced, or its mark is still there for the sweep.
 */
public final class UpsertCustomer {
  private final Customers customers;
  private final CustomerChanges changes;
  private final Clock clock;

  @Inject
  public UpsertCustomer(Customers customers, CustomerChanges changes, Clock clock) {
    this.customers = customers;
    this.changes = changes;
    this.clock = clock;
  }

  /** What an upsert did. */
  public enum Outcome { CREATED, UPDATED, UNCHANGED }

  /** The customer as stored after an upsert, and what the upsert did. */
  public record Upsert(Customer customer, Outcome outcome) {}

  public Customer upsert(CustomerProfile profile) {
    return apply(profile).customer();
  }

  /** Saves the profile and announces the customer if it changed. */
  public Upsert apply(CustomerProfile profile) {
    Upsert done = save(profile);
    if (done.outcome() != Outcome.UNCHANGED) changes.announce(done.customer().id());
    return done;
  }

  /**
   * Saves the profile (marked as changed) and announces nothing: for a caller that announces many at once (an
   * import) or whose customer reaches the segments function another way (a posted event).
   */
  public Upsert save(CustomerProfile profile) {
    String id = Customer.idFor(profile.sourceId());
    return Clashes.retry(() -> {
      Instant now = clock.instant();
      Optional<Customer> existing = customers.get(id);
      if (existing.isEmpty()) {
        return new Upsert(customers.save(new Customer(id, profile.sourceId(), profile.name(), profile.email(),
            profile.phone(), profile.timezone(), profile.metadata(), consents(Map.of(), profile.consents(), now),
            Behaviour.NONE, now, now, 0)), Outcome.CREATED);
      }
      Customer merged = merge(existing.get(), profile, now);
      if (merged.equals(existing.get())) return new Upsert(existing.get(), Outcome.UNCHANGED);
      return new Upsert(customers.save(merged.withUpdatedAt(now)), Outcome.UPDATED);
    });
  }

  /**
   * Sets one consent of the customer with this id ("email" or "sms"), and announces the customer if that changed
   * them; empty when there is no such customer. An answer equal to the one recorded changes nothing, so its time
   * stays the time it was first given.
   */
  public Optional<Customer> consent(String customerId, String channel, boolean granted) {
    Consent.channel(channel, "channel");
    Optional<Upsert> done = Clashes.retry(() -> customers.get(customerId).map(existing -> {
      Consent current = existing.consents().get(channel);
      if (current != null && current.granted() == granted) return new Upsert(existing, Outcome.UNCHANGED);
      Instant now = clock.instant();
      return new Upsert(customers.save(existing.withConsent(channel, new Consent(granted, now), now)),
          Outcome.UPDATED);
    }));
    done.filter(d -> d.outcome() != Outcome.UNCHANGED).ifPresent(d -> changes.announce(d.customer().id()));
    return done.map(Upsert::customer);
  }

  /** The existing customer with the fields given; updated_at stays, so an unchanged merge equals the existing. */
  private static Customer merge(Customer existing, CustomerProfile p, Instant now) {
    Map<String, Object> metadata = new HashMap<>(existing.metadata());
    if (p.metadata() != null) metadata.putAll(p.metadata());
    return new Customer(existing.id(), existing.sourceId(),
        p.name() != null ? p.name() : existing.name(),
        p.email() != null ? p.email() : existing.email(),
        p.phone() != null ? p.phone() : existing.phone(),
        p.timezone() != null ? p.timezone() : existing.timezone(),
        metadata, consents(existing.consents(), p.consents(), now), existing.behaviour(), existing.createdAt(),
        existing.updatedAt(), existing.version());
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
