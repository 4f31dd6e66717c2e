package herald.domain.segments;

import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import herald.domain.jobs.Jobs;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Removes one shard of a deleted segment's membership, a page at a time ({@link Memberships#purge}), each page
 * the first items left in the shard. After {@code pagesPerRun} pages, or when the time runs short, the rest goes
 * on in a follow-up job (the same job again); a run always purges at least one page. When the shard is first
 * found empty, one last sweep of it is queued {@link #SWEEP_DELAY} later: a process that read the segment just
 * before it was deleted (a page of an evaluation, a profile change with the segment list cached) may still write
 * a membership item, and the sweep removes it.
 *
 * <p>Does nothing while the segment exists (a job put by mistake or by hand): it says so, and the job is done.
 * A job run twice (SQS may deliver it twice) does no harm: what the first run deleted is not found again.
 */
public final class PurgeSegmentShard implements JobWork {
  public static final int PAGE = 500;
  public static final int PAGES_PER_RUN = 100;
  /** Longer than the longest run of a function that writes membership (the segments function's 300 s). */
  public static final Duration SWEEP_DELAY = Duration.ofMinutes(6);
  static final String SEGMENT_EXISTS = "segment_exists";

  /** What a run did: why it did nothing (null when it ran), pages purged, items deleted, the job put after it. */
  public record Purge(PurgeJob job, String skipped, int pages, int deleted, PurgeJob next) {
    /** The run for the log: segment, shard, and what it did. */
    public Map<String, String> summary() {
      Map<String, String> summary = new LinkedHashMap<>();
      summary.put("segment_id", job.segmentId());
      summary.put("shard", Integer.toString(job.shard()));
      summary.put("sweep", Boolean.toString(job.sweep()));
      if (skipped != null) {
        summary.put("skipped", skipped);
        return summary;
      }
      summary.put("pages", Integer.toString(pages));
      summary.put("deleted", Integer.toString(deleted));
      summary.put("next", next == null ? "none" : next.sweep() && !job.sweep() ? "sweep" : "follow_up");
      return summary;
    }
  }

  private final Segments segments;
  private final Memberships memberships;
  private final Jobs jobs;
  private final int pageSize;
  private final int pagesPerRun;

  public PurgeSegmentShard(Segments segments, Memberships memberships, Jobs jobs, int pageSize, int pagesPerRun) {
    if (pageSize < 1 || pageSize > 1000) throw new IllegalArgumentException("pageSize must be 1 to 1000");
    if (pagesPerRun < 1) throw new IllegalArgumentException("pagesPerRun must be 1 or more");
    this.segments = segments;
    this.memberships = memberships;
    this.jobs = jobs;
    this.pageSize = pageSize;
    this.pagesPerRun = pagesPerRun;
  }

  @Inject
  public PurgeSegmentShard(Segments segments, Memberships memberships, Jobs jobs) {
    this(segments, memberships, jobs, PAGE, PAGES_PER_RUN);
  }

  /** Purges pages while {@code timeLeft} says there is time for another (always at least one). */
  public Purge handle(PurgeJob job, BooleanSupplier timeLeft) {
    if (segments.get(job.segmentId()).isPresent()) return new Purge(job, SEGMENT_EXISTS, 0, 0, null);
    int pages = 0;
    int deleted = 0;
    while (true) {
      int page = memberships.purge(job.segmentId(), job.shard(), pageSize);
      pages++;
      deleted += page;
      if (page < pageSize) {
        if (job.sweep()) return new Purge(job, null, pages, deleted, null);
        jobs.put(List.of(job.asSweep()), SWEEP_DELAY);
        return new Purge(job, null, pages, deleted, job.asSweep());
      }
      if (pages >= pagesPerRun || !timeLeft.getAsBoolean()) {
        jobs.put(List.of(job));
        return new Purge(job, null, pages, deleted, job);
      }
    }
  }

  @Override
  public Class<PurgeJob> kind() {
    return PurgeJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    return handle((PurgeJob) job, timeLeft).summary();
  }
}
