package herald.domain.segments;

import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Runs the segments' rules on a customer's profile and keeps their membership as the rules say, through {@link
 * SettleMembership} (one entered or left event per change). Only the segments function evaluates.
 *
 * <p>A decision is only as fresh as the profile it was made on: two saves of one customer evaluated at once can
 * finish in either order. So after a change of membership decided on a profile, the customer is read again, and
 * if a newer version was saved meanwhile, the segments just changed are decided again on it, up to {@value
 * #ATTEMPTS} rounds: the membership always ends as the latest profile says (at the price, in that race, of an
 * entered event followed by a left one). A customer erased meanwhile leaves the segments just changed again.
 *
 * <p>The list of segments is cached for at most one second (an import's customers arrive in a burst). Segments
 * are changed in the api function, so the segments function may evaluate against the former list for up to that
 * second after a change: the segment's background re-evaluation, started after it, puts that right.
 */
@Singleton
public final class EvaluateSegments {
  static final int ATTEMPTS = 8;
  private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Segments segments;
  private final SettleMembership settle;
  private final Customers customers;
  private final Clock clock;
  private final LongSupplier ticker;
  private volatile Cached cached;

  @Inject
  public EvaluateSegments(Segments segments, SettleMembership settle, Customers customers, Clock clock) {
    this(segments, settle, customers, clock, System::nanoTime);
  }

  EvaluateSegments(Segments segments, SettleMembership settle, Customers customers, Clock clock,
      LongSupplier ticker) {
    this.segments = segments;
    this.settle = settle;
    this.customers = customers;
    this.clock = clock;
    this.ticker = ticker;
  }

  /**
   * Re-evaluates every auto-update segment for this customer as saved; gives the version of the profile their
   * membership was last decided on: this one, or a newer one saved meanwhile.
   */
  public long changed(Customer customer) {
    List<Segment> auto = segments().stream().filter(Segment::autoUpdate).toList();
    return followLatest(customer, auto).decidedOn().version();
  }

  /**
   * Whether any auto-update segment's rules decide differently, now, on these two profiles of one customer: only
   * then can a change from {@code before} to {@code after} move the customer's membership. Membership not yet
   * settled on {@code before} keeps its own change's mark, and a rule that depends on now is refreshed on its own
   * schedule, so a change that no rule tells apart needs no evaluation. Writes nothing.
   */
  public boolean decidesDifferently(Customer before, Customer after) {
    Instant now = clock.instant();
    for (Segment segment : segments()) {
      if (segment.autoUpdate() && segment.rule().matches(before, now) != segment.rule().matches(after, now)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The customer was erased: they leave every segment they are in, static ones included. The segments are read
   * afresh, not from the cache: a static segment created a moment ago with them in it must be left too.
   */
  public List<Transition> erased(String customerId, String sourceId) {
    return settle.settle(customerId, sourceId, List.copyOf(segments.all()), segment -> false);
  }

  /** Re-evaluates one auto-update segment for this customer (the background re-evaluation of a segment). */
  public Optional<Transition> evaluate(Segment segment, Customer customer) {
    if (!segment.autoUpdate()) throw new IllegalArgumentException("segment " + segment.id() + " is static");
    return followLatest(customer, List.of(segment)).first().stream().findFirst();
  }

  /**
   * Decides the segments on this profile; when that changed a membership and a newer profile has been saved since,
   * decides the changed segments again on the newer one; when the customer has been erased since, takes them out
   * of those segments again (the erase's own evaluation may have come first). Gives the first round's changes and
   * the last profile decided on.
   */
  private Followed followLatest(Customer customer, List<Segment> targets) {
    List<Transition> first = decide(customer, targets);
    List<Transition> changed = first;
    Customer decidedOn = customer;
    for (int round = 0; !changed.isEmpty() && round < ATTEMPTS; round++) {
      Customer latest = customers.get(decidedOn.id()).orElse(null);
      if (latest != null && latest.version() <= decidedOn.version()) break;
      List<String> ids = changed.stream().map(Transition::segmentId).toList();
      List<Segment> again = targets.stream().filter(s -> ids.contains(s.id())).toList();
      if (latest == null) {
        settle.settle(customer.id(), customer.sourceId(), again, segment -> false);
        break;
      }
      changed = decide(latest, again);
      decidedOn = latest;
    }
    return new Followed(first, decidedOn);
  }

  private List<Transition> decide(Customer customer, List<Segment> targets) {
    return settle.settle(customer.id(), customer.sourceId(), targets, matching(customer));
  }

  private Predicate<Segment> matching(Customer customer) {
    Instant now = clock.instant();
    return segment -> segment.rule().matches(customer, now);
  }

  private List<Segment> segments() {
    Cached now = cached;
    long tick = ticker.getAsLong();
    if (now == null || tick - now.at() >= CACHE_NANOS) {
      now = new Cached(List.copyOf(segments.all()), tick);
      cached = now;
    }
    return now.segments();
  }

  private record Followed(List<Transition> first, Customer decidedOn) {}

  private record Cached(List<Segment> segments, long at) {}
}
