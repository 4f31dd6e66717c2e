package herald.domain.segments;

import java.time.Instant;

/**
 * A customer's standing in one segment. {@code seq} counts the customer's transitions in and out of the
 * segment (so entering the second time has seq 3); each transition's event id derives from it, so a
 * transition announced twice has one id. {@code pending} is true from the transition's write until its
 * event is on the bus: whoever finds it pending puts the event (again) and clears it.
 */
public record Membership(boolean member, long seq, boolean pending, Instant changedAt) {
  public static final Membership NEVER = new Membership(false, 0, false, null);
}
