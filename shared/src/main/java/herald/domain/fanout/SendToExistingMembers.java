package herald.domain.fanout;

import herald.domain.distributions.Activations;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Distribution;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import herald.domain.segments.Segments;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code include_existing_members} on a {@code customer.segment.entered} trigger: when the distribution is
 * activated, one fan-out job per shard of the trigger's segment sends each customer already in it the entered
 * event of their membership, the very event that announced their entry. Its id comes from the membership's
 * seq, so the message id is the one the live event gives too: whether a member gets the live event, the
 * existing-members one, or both, and however often the distribution is activated (retried, or paused and
 * activated again), the sender claims the message once. Only for the event-customer audience: each member
 * is the recipient of their own entry. A segment that no longer exists has no members to send to.
 */
public final class SendToExistingMembers implements Activations {
  static final String INCLUDE_EXISTING_MEMBERS = "include_existing_members";
  private final Segments segments;
  private final FanoutQueue queue;

  @Inject
  public SendToExistingMembers(Segments segments, FanoutQueue queue) {
    this.segments = segments;
    this.queue = queue;
  }

  @Override
  public void activated(Distribution distribution) {
    String segmentId = segmentOf(distribution);
    if (segmentId == null) return;
    Segment segment = segments.get(segmentId).orElse(null);
    if (segment == null) return;
    List<FanoutJob> jobs = new ArrayList<>();
    for (int shard = 0; shard < segment.shards(); shard++) {
      jobs.add(FanoutJob.forExistingMembers(distribution.id(), segment.id(), shard));
    }
    queue.put(jobs);
  }

  /** The segment whose existing members the distribution is for, or null when it includes none. */
  public static String segmentOf(Distribution distribution) {
    if (!SegmentEvents.ENTERED.equals(distribution.trigger().type())) return null;
    if (!Boolean.TRUE.equals(distribution.trigger().filters().get(INCLUDE_EXISTING_MEMBERS))) return null;
    if (distribution.audience().type() != AudienceType.EVENT_CUSTOMER) return null;
    return distribution.trigger().filter("segment_id");
  }
}
