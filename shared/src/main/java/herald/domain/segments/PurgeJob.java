package herald.domain.segments;

import herald.domain.common.Text;
import herald.domain.jobs.Job;

/**
 * Removes one shard of a deleted segment's membership: every item stored for it, members and former members
 * alike, read from the shard's start each time (what a run deleted is gone, so a follow-up needs no cursor).
 * {@code sweep}: the last pass, queued {@link PurgeSegmentShard#SWEEP_DELAY} after the shard was first found
 * empty, for an item a late writer put there meanwhile. No async action follows a purge: {@link #actionId()} is
 * null.
 */
public record PurgeJob(String segmentId, int shard, boolean sweep) implements Job {
  public PurgeJob {
    Text.required(segmentId, "segment_id");
    if (shard < 0) throw new IllegalArgumentException("shard must be 0 or more");
  }

  /** The first pass over a shard. */
  public static PurgeJob of(String segmentId, int shard) {
    return new PurgeJob(segmentId, shard, false);
  }

  /** The last pass over this job's shard. */
  public PurgeJob asSweep() {
    return new PurgeJob(segmentId, shard, true);
  }

  @Override
  public String actionId() {
    return null;
  }
}
