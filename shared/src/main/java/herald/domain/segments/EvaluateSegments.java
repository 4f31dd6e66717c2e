package herald.domain.segments;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;
import herald.domain.events.EventBus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Keeps a customer's segment membership in step with their profile, and puts exactly one
 * customer.segment.entered or .left event per change of membership. For each segment: read the standing; if
 * a transition is still pending (its writer may have crashed before its event was on the bus), put its
 * event again, with the same id and created_at, and clear it; if the rule's answer differs from the
 * standing, write the change conditionally on the standing read, then put the event and clear pending. A
 * write lost to a concurrent evaluation re-reads and decides again, up to {@value #ATTEMPTS} times.
 *
 * <p>A decision is only as fresh as the profile it was made on: two saves of one customer evaluated at once
 * can finish in either order. So after a change of membership decided on a profile, the customer is read
 * again, and if a newer version was saved meanwhile, the segments just changed are decided again on it: the
 * membership always ends as the latest profile says (at the price, in that race, of an entered event
 * followed by a left one).
 *
 * <p>The list of segments is cached for at most one second (an import evaluates many customers in a row);
 * {@link #segmentsChanged} drops it at once in the process that changed a segment. Another process may
 * evaluate against the former list for up to that second: the segment's background re-evaluation, started
 * after it, puts that right.
 */
@Singleton
public final class EvaluateSegments implements CustomerChanges {
  static final int ATTEMPTS = 8;
  private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Segments segments;
  private final Memberships memberships;
  private final Customers customers;
  private final EventBus bus;
  private final Clock clock;
  private final LongSupplier ticker;
  private volatile Cached cached;

  @Inject
  public EvaluateSegments(Segments segments, Memberships memberships, Customers customers, EventBus bus,
      Clock clock) {
    this(segments, memberships, customers, bus, clock, System::nanoTime);
  }

  EvaluateSegments(Segments segments, Memberships memberships, Customers customers, EventBus bus, Clock clock,
      LongSupplier ticker) {
    this.segments = segments;
    this.memberships = memberships;
    this.customers = customers;
    this.bus = bus;
    this.clock = clock;
    this.ticker = ticker;
  }

  /** A change of one customer's membership of one segment; {@code seq} is the standing's seq after it. */
  public record Transition(String segmentId, String customerId, boolean entered, long seq) {}

  /** Re-evaluates every auto-update segment for this customer, as saved now. */
  @Override public void changed(Customer customer) {
    List<Segment> auto = segments().stream().filter(Segment::autoUpdate).toList();
    followLatest(customer, auto);
  }

  /** The customer leaves every segment they are in, static ones included. */
  @Override public void erased(Customer customer) {
    settle(customer, segments(), segment -> false);
  }

  /** Re-evaluates one auto-update segment for this customer (the background re-evaluation of a segment). */
  public Optional<Transition> evaluate(Segment segment, Customer customer) {
    if (!segment.autoUpdate()) throw new IllegalArgumentException("segment " + segment.id() + " is static");
    return first(followLatest(customer, List.of(segment)));
  }

  /** Adds the customer to ({@code member} true) or removes them from a segment; empty when already so. */
  public Optional<Transition> set(Segment segment, Customer customer, boolean member) {
    return first(settle(customer, List.of(segment), s -> member));
  }

  /** A segment was created, edited or deleted: the next evaluation reads the segments again. */
  public void segmentsChanged() {
    cached = null;
  }

  /**
   * Decides the auto-update segments on this profile; when that changed a membership and a newer profile has
   * been saved since, decides the changed segments again on the newer one. Returns the first round's changes.
   */
  private List<Transition> followLatest(Customer customer, List<Segment> targets) {
    List<Transition> first = settle(customer, targets, matching(customer));
    List<Transition> changed = first;
    Customer decidedOn = customer;
    for (int round = 0; !changed.isEmpty() && round < ATTEMPTS; round++) {
      Customer latest = customers.get(decidedOn.id()).orElse(null);
      if (latest == null || latest.version() <= decidedOn.version()) break;
      List<String> ids = changed.stream().map(Transition::segmentId).toList();
      changed = settle(latest, targets.stream().filter(s -> ids.contains(s.id())).toList(), matching(latest));
      decidedOn = latest;
    }
    return first;
  }

  private Predicate<Segment> matching(Customer customer) {
    Instant now = clock.instant();
    return segment -> segment.rule().matches(customer, now);
  }

  private List<Transition> settle(Customer customer, List<Segment> targets, Predicate<Segment> wanted) {
    if (targets.isEmpty()) return List.of();
    Map<String, Membership> standings = memberships.of(customer.id(), targets);
    List<Transition> transitions = new ArrayList<>();
    for (Segment segment : targets) {
      Membership standing = standings.getOrDefault(segment.id(), Membership.NEVER);
      settle(segment, customer, standing, wanted.test(segment)).ifPresent(transitions::add);
    }
    return transitions;
  }

  private Optional<Transition> settle(Segment segment, Customer customer, Membership standing, boolean member) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (standing.pending()) announce(segment, customer, standing);
      if (standing.member() == member) return Optional.empty();
      Instant at = clock.instant();
      if (memberships.change(segment, customer.id(), standing, member, at)) {
        Membership changed = new Membership(member, standing.seq() + 1, true, at);
        announce(segment, customer, changed);
        return Optional.of(new Transition(segment.id(), customer.id(), member, changed.seq()));
      }
      standing = memberships.of(customer.id(), List.of(segment)).getOrDefault(segment.id(), Membership.NEVER);
    }
    throw new IllegalStateException("membership of customer " + customer.id() + " in segment " + segment.id()
        + " kept changing under " + ATTEMPTS + " attempts");
  }

  private void announce(Segment segment, Customer customer, Membership standing) {
    bus.put(SegmentEvents.transition(segment, customer.id(), customer.sourceId(), standing.seq(), standing.member(),
        standing.changedAt()));
    memberships.announced(segment, customer.id(), standing.seq());
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

  private static Optional<Transition> first(List<Transition> transitions) {
    return transitions.stream().findFirst();
  }

  private record Cached(List<Segment> segments, long at) {}
}
