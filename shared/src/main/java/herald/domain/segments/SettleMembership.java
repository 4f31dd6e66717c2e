package herald.domain.segments;

import herald.domain.events.EventBus;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Moves a customer in or out of segments as told, and puts exactly one customer.segment.entered or .left event per
 * change of membership: the one code that writes membership, for the rules' answers (the segments function) and
 * for the members added to or removed from a static segment (the API). It runs no rules.
 *
 * <p>For each segment: read the standing; if a transition is still pending (its writer may have crashed before
 * its event was on the bus), put its event again, with the same id and created_at, and clear it; if the wanted
 * membership differs from the standing, write the change conditionally on the standing read, then put the event
 * and clear pending. A write lost to a concurrent change re-reads and decides again, up to {@value #ATTEMPTS}
 * times.
 */
public final class SettleMembership {
  static final int ATTEMPTS = 8;
  private final Memberships memberships;
  private final EventBus bus;
  private final Clock clock;

  @Inject
  public SettleMembership(Memberships memberships, EventBus bus, Clock clock) {
    this.memberships = memberships;
    this.bus = bus;
    this.clock = clock;
  }

  /** Adds the customer to ({@code member} true) or removes them from a segment; empty when already so. */
  public Optional<Transition> set(Segment segment, String customerId, String sourceId, boolean member) {
    return settle(customerId, sourceId, List.of(segment), s -> member).stream().findFirst();
  }

  /** Makes the customer a member of each of {@code targets} that {@code wanted} says; the changes made. */
  public List<Transition> settle(String customerId, String sourceId, List<Segment> targets,
      Predicate<Segment> wanted) {
    if (targets.isEmpty()) return List.of();
    Map<String, Membership> standings = memberships.of(customerId, targets);
    List<Transition> transitions = new ArrayList<>();
    for (Segment segment : targets) {
      Membership standing = standings.getOrDefault(segment.id(), Membership.NEVER);
      settle(segment, customerId, sourceId, standing, wanted.test(segment)).ifPresent(transitions::add);
    }
    return transitions;
  }

  private Optional<Transition> settle(Segment segment, String customerId, String sourceId, Membership standing,
      boolean member) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (standing.pending()) announce(segment, customerId, sourceId, standing);
      if (standing.member() == member) return Optional.empty();
      Instant at = clock.instant();
      if (memberships.change(segment, customerId, standing, member, at)) {
        Membership changed = new Membership(member, standing.seq() + 1, true, at);
        announce(segment, customerId, sourceId, changed);
        return Optional.of(new Transition(segment.id(), customerId, member, changed.seq()));
      }
      standing = memberships.of(customerId, List.of(segment)).getOrDefault(segment.id(), Membership.NEVER);
    }
    throw new IllegalStateException("membership of customer " + customerId + " in segment " + segment.id()
        + " kept changing under " + ATTEMPTS + " attempts");
  }

  private void announce(Segment segment, String customerId, String sourceId, Membership standing) {
    bus.put(SegmentEvents.transition(segment, customerId, sourceId, standing.seq(), standing.member(),
        standing.changedAt()));
    memberships.announced(segment, customerId, standing.seq());
  }
}
