package herald.domain.segments;

import herald.domain.customers.Behaviour;
import herald.domain.customers.Clashes;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds an event to its customer's behaviour: per event name (a custom event's own name) one more and the latest
 * time; a paid order also adds to the customer's orders. Each event counts once: the customer keeps the ids of
 * the last {@link Behaviour#WINDOW} events counted, and an event seen among them is not counted again. Then the
 * customer's segments follow the profile ({@link FollowCustomer}) when the change can move them ({@link #track}),
 * and for an event counted before (a retry finishes what a crash interrupted).
 */
public final class TrackBehaviour {
  /** The order events that count as orders: only a paid order is one the customer has made. */
  public static final String ORDER_PAID = EventCatalogue.ORDER_PAID;

  private final Customers customers;
  private final FollowCustomer follow;
  private final Clock clock;

  @Inject
  public TrackBehaviour(Customers customers, FollowCustomer follow, Clock clock) {
    this.customers = customers;
    this.follow = follow;
    this.clock = clock;
  }

  /**
   * What tracking an event did: counted it; found it counted already; found nothing to change (a new name beyond
   * {@link Behaviour#MAX_EVENT_NAMES}, not an order: it writes nothing); or found no customer.
   */
  public enum Tracked { COUNTED, ALREADY_COUNTED, UNCHANGED, CUSTOMER_UNKNOWN }

  /**
   * Counts the event in one write of the customer's behaviour over the version read. That write marks the change,
   * and the segments then follow it, only when an auto-update segment's rules decide differently on the profile
   * before and after it ({@link FollowCustomer#mustFollow}); otherwise the change needs no evaluation and leaves
   * no mark to settle. A new customer is always marked and followed, and so is an event counted before (a retry
   * finishes what a crash interrupted).
   */
  public Tracked track(TriggerEvent event) {
    record Result(Customer customer, Tracked tracked, boolean follow) {}
    Result result = Clashes.retry(() -> {
      Optional<Customer> read = customers.get(event.customer().id());
      if (read.isEmpty()) {
        return newCustomer(event).map(c -> new Result(customers.save(c.withBehaviour(add(c.behaviour(), event))),
            Tracked.COUNTED, true)).orElse(new Result(null, Tracked.CUSTOMER_UNKNOWN, false));
      }
      Customer customer = read.get();
      if (customer.behaviour().counted(event.id())) return new Result(customer, Tracked.ALREADY_COUNTED, true);
      Behaviour added = add(customer.behaviour(), event);
      if (sameAggregates(added, customer.behaviour())) return new Result(customer, Tracked.UNCHANGED, false);
      Customer after = customer.withBehaviour(added);
      boolean follow = this.follow.mustFollow(customer, after);
      return new Result(customers.saveBehaviour(after, follow), Tracked.COUNTED, follow);
    });
    if (result.follow()) follow.saved(result.customer());
    return result.tracked();
  }

  private static boolean sameAggregates(Behaviour a, Behaviour b) {
    return a.events().equals(b.events()) && a.orderCount() == b.orderCount()
        && a.orderTotalAmount() == b.orderTotalAmount() && Objects.equals(a.lastOrderAt(), b.lastOrderAt());
  }

  /**
   * A customer first heard of by an event: only when the event names them by a source id that their id is
   * derived from, as Herald's own events do.
   */
  private Optional<Customer> newCustomer(TriggerEvent event) {
    String sourceId = event.customer().sourceId();
    if (sourceId == null || !Customer.idFor(sourceId).equals(event.customer().id())) return Optional.empty();
    Instant now = clock.instant();
    return Optional.of(new Customer(event.customer().id(), sourceId, null, null, null, Map.of(), now, now));
  }

  private static Behaviour add(Behaviour behaviour, TriggerEvent event) {
    Behaviour added = behaviour.withEvent(event.id(), event.name(), event.createdAt());
    return ORDER_PAID.equals(event.type()) ? added.withOrder(amount(event.data()), event.createdAt()) : added;
  }

  /** data.order.total_amount, or data.order.amount when there is none; 0 when neither is a whole amount. */
  static long amount(Map<String, Object> data) {
    if (!(data.get("order") instanceof Map<?, ?> order)) return 0;
    Long total = minorUnits(order.get("total_amount"));
    if (total != null) return total;
    Long amount = minorUnits(order.get("amount"));
    return amount == null ? 0 : amount;
  }

  private static Long minorUnits(Object value) {
    try {
      long units = switch (value) {
        case Integer i -> i;
        case Long l -> l;
        case BigInteger b -> b.longValueExact();
        case BigDecimal d -> d.longValueExact();
        case null, default -> -1;
      };
      return units < 0 ? null : units;
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
