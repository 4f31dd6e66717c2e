package herald.domain.segments;

import herald.domain.common.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Port: who is in which segment, stored per segment shard. */
public interface Memberships {
  /** The customer's standing in each of these segments, by segment id; {@link Membership#NEVER} when none. */
  Map<String, Membership> of(String customerId, Collection<Segment> segments);

  /**
   * Moves the customer in ({@code member} true) or out, if their standing is still {@code expected}: the new
   * standing has seq + 1 and is pending. False when someone else changed it first (nothing is written).
   */
  boolean change(Segment segment, String customerId, Membership expected, boolean member, Instant at);

  /** The transition with this seq is on the bus: clears pending (if the standing still has that seq). */
  void announced(Segment segment, String customerId, long seq);

  /** One page of one shard's members, in customer id order. */
  Page<Member> members(String segmentId, int shard, String cursor, int limit);

  /** How many members the segment has now. */
  long count(Segment segment);

  /**
   * Deletes up to {@code limit} of the shard's items, members and former members alike, the first in customer
   * id order, and says how many it deleted: fewer than {@code limit} only when it found no more. For the
   * segment's membership once the segment is deleted; deleting what is already gone is no error.
   */
  int purge(String segmentId, int shard, int limit);
}
