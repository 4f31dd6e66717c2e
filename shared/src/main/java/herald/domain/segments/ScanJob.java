package herald.domain.segments;

import herald.domain.jobs.Job;

/**
 * One part of a segment evaluation, from {@code cursor} on (null: from its start): part {@code part} of
 * {@code parts} of a parallel scan of the customers, for the segment as it was at {@code segmentVersion}.
 */
public record ScanJob(String actionId, String segmentId, long segmentVersion, int part, int parts, String cursor)
    implements Job {
  public ScanJob {
    if (actionId == null || segmentId == null) throw new IllegalArgumentException("actionId and segmentId required");
    if (part < 0 || part >= parts) throw new IllegalArgumentException("part must be from 0 to parts - 1");
  }

  public ScanJob from(String next) {
    return new ScanJob(actionId, segmentId, segmentVersion, part, parts, next);
  }
}
