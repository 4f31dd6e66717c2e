package herald.domain.customers;

import herald.domain.common.Page;
import java.util.Optional;

/**
 * Port: the customers Herald knows. Every save and erase also marks the customer as changed, in the same write,
 * until the segments function has followed that change ({@link ChangedCustomers}).
 */
public interface Customers {
  /** The customer with this id; empty when there is none, or when they were erased. */
  Optional<Customer> get(String id);

  /**
   * The customers with these ids that {@link #get} finds, by id (the missing and erased left out), read together:
   * an adapter answers in as few calls as its store allows (the sender reads a batch's customers at once).
   */
  default java.util.Map<String, Customer> getAll(java.util.Collection<String> ids) {
    java.util.Map<String, Customer> found = new java.util.LinkedHashMap<>();
    for (String id : ids) get(id).ifPresent(c -> found.put(id, c));
    return found;
  }

  /**
   * Saves the customer over the version it was read at ({@link Customer#version()}; 0 for a new one) and returns
   * it as saved, its version one up, marked as changed. Throws {@link herald.domain.common.Conflict} when the
   * stored customer is no longer that version (another writer came first, or a new one exists already, or the
   * tombstone of an erased one whose segments have not let go of them yet): nothing is written then.
   */
  Customer save(Customer customer);

  /**
   * Saves only the customer's behaviour ({@link Customer#behaviour()}), over the version it was read at (at least 1),
   * and returns it as saved, its version one up. Marked as changed when {@code marked}; otherwise a mark the item
   * carries stays as it is, with its time, and none is added: for a change that cannot move the customer's segment
   * membership. Throws {@link herald.domain.common.Conflict} as {@link #save} does. An adapter writes it in one call
   * where its store allows; this default saves the whole customer, marked.
   */
  default Customer saveBehaviour(Customer customer, boolean marked) {
    return save(customer);
  }

  /**
   * Erases the customer's personal data at once (name, email, phone, metadata, consents, behaviour), leaving a
   * tombstone marked as changed that keeps only their id and source id until the segments function has taken them
   * out of every segment; false when there was no customer (or only a tombstone).
   */
  boolean erase(String id);

  /**
   * One page of part {@code part} of {@code parts} (0 &le; part &lt; parts) of all customers, in no order; the
   * parts can be read at the same time and together hold every customer once (tombstones are skipped). {@code
   * cursor} is null for the first page, then the page's {@code next}, which is null after the last.
   */
  Page<Customer> scan(int part, int parts, String cursor, int limit);
}
