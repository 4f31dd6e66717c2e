package herald.domain.fanout;

import herald.domain.channels.Channel;
import herald.domain.common.Page;
import herald.domain.delivery.SendCompletion;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendProgress;
import herald.domain.delivery.SendQueue;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.events.TriggerEvent;
import herald.domain.segments.Member;
import herald.domain.segments.Memberships;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import herald.domain.segments.Segments;
import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Sends a distribution to one segment shard: reads the shard page by page and queues one send job per member
 * and channel. After a page, when the run has read its share of pages or has less time left than the margin,
 * the rest of the shard goes on in a follow-up job (at the next page's cursor), so no shard, however large,
 * has to fit in one invocation. A run always reads at least one page.
 *
 * <p>Only an ACTIVE distribution that still sends to this segment gets more jobs: a paused, archived or deleted
 * one (or one edited to another audience) stops its fan-out at the next run, and drops the rest of it; what
 * was queued before is skipped by the sender, which also sends only for an ACTIVE distribution.
 *
 * <p>A manual send's fan-out (its event of type manual, addressed to each member) goes on only while the
 * distribution is SENDING under the same schedule; each page records how many send jobs it queued
 * ({@link SendProgress}) before queuing them, and the end of the shard may end the send ({@link SendCompletion}).
 *
 * <p>Running a job again (SQS may deliver it twice; a run that failed half-way comes back) queues the same
 * send jobs again: their message ids are the same, so the sender claims and sends each once.
 */
public final class FanOut {
  /** How much a run reads: pages of {@code pageSize}, up to {@code pagesPerRun}, while {@code marginMillis} are left. */
  public record Limits(int pageSize, int pagesPerRun, long marginMillis) {
    public static final Limits DEFAULT = new Limits(500, 40, 20_000);

    public Limits {
      if (pageSize < 1 || pageSize > 1000) throw new IllegalArgumentException("pageSize must be 1 to 1000");
      if (pagesPerRun < 1) throw new IllegalArgumentException("pagesPerRun must be 1 or more");
      if (marginMillis < 0) throw new IllegalArgumentException("marginMillis must be 0 or more");
    }
  }

  /** What a run did: why it sent nothing (null when it ran), pages read, send jobs queued, the follow-up put. */
  public record Run(String skipped, int pages, int members, int sendJobs, FanoutJob followUp) {
    static Run skipped(String reason) {
      return new Run(reason, 0, 0, 0, null);
    }
  }

  private final Distributions distributions;
  private final Segments segments;
  private final Memberships memberships;
  private final SendQueue sendQueue;
  private final FanoutQueue fanoutQueue;
  private final Limits limits;
  private final SendProgress progress;
  private final SendCompletion completion;
  private final Activity activity;

  @Inject
  public FanOut(Distributions distributions, Segments segments, Memberships memberships, SendQueue sendQueue,
      FanoutQueue fanoutQueue, SendProgress progress, SendCompletion completion, Activity activity) {
    this(distributions, segments, memberships, sendQueue, fanoutQueue, Limits.DEFAULT, progress, completion, activity);
  }

  public FanOut(Distributions distributions, Segments segments, Memberships memberships, SendQueue sendQueue,
      FanoutQueue fanoutQueue, SendProgress progress, SendCompletion completion) {
    this(distributions, segments, memberships, sendQueue, fanoutQueue, Limits.DEFAULT, progress, completion,
        Activity.NONE);
  }

  public FanOut(Distributions distributions, Segments segments, Memberships memberships, SendQueue sendQueue,
      FanoutQueue fanoutQueue, Limits limits, SendProgress progress, SendCompletion completion) {
    this(distributions, segments, memberships, sendQueue, fanoutQueue, limits, progress, completion, Activity.NONE);
  }

  public FanOut(Distributions distributions, Segments segments, Memberships memberships, SendQueue sendQueue,
      FanoutQueue fanoutQueue, Limits limits, SendProgress progress, SendCompletion completion, Activity activity) {
    this.activity = activity;
    this.distributions = distributions;
    this.segments = segments;
    this.memberships = memberships;
    this.sendQueue = sendQueue;
    this.fanoutQueue = fanoutQueue;
    this.limits = limits;
    this.progress = progress;
    this.completion = completion;
  }

  /** For event-triggered fan-outs only (a manual send's needs its progress recorded). */
  public FanOut(Distributions distributions, Segments segments, Memberships memberships, SendQueue sendQueue,
      FanoutQueue fanoutQueue, Limits limits) {
    this(distributions, segments, memberships, sendQueue, fanoutQueue, limits, null, SendCompletion.NONE);
  }

  /** Runs the job; {@code remainingMillis} tells how long the invocation has left. */
  public Run run(FanoutJob job, LongSupplier remainingMillis) {
    Distribution distribution = distributions.get(job.distributionId()).orElse(null);
    if (distribution == null) return Run.skipped("distribution_not_found");
    boolean manual = job.event() != null && job.event().manual();
    if (manual && distribution.status() != DistributionStatus.SENDING) return Run.skipped("distribution_not_sending");
    if (!manual && distribution.status() != DistributionStatus.ACTIVE) return Run.skipped("distribution_not_active");
    if (manual && (distribution.schedule() == null || !distribution.schedule().id().equals(job.event().id()))) {
      return Run.skipped("schedule_superseded");
    }
    if (!job.segmentId().equals(segmentOf(distribution, job))) return Run.skipped("segment_no_longer_its_audience");
    Segment segment = segments.get(job.segmentId()).orElse(null);
    if (segment == null) return Run.skipped("segment_not_found");
    if (job.shard() >= segment.shards()) return Run.skipped("no_such_shard");

    String cursor = job.cursor();
    int pages = 0;
    int members = 0;
    int queued = 0;
    while (true) {
      Page<Member> page = memberships.members(segment.id(), job.shard(), cursor, limits.pageSize());
      List<SendJob> jobs = sendJobs(distribution, segment, job, page.items());
      if (manual) progress.queued(distribution.id(), job.shard(), job.page() + pages, jobs.size(), page.next() == null);
      if (!jobs.isEmpty()) sendQueue.send(jobs);
      pages++;
      members += page.items().size();
      queued += jobs.size();
      cursor = page.next();
      if (cursor == null) {
        activity.tally(new ActivityEntry(ManageDistributions.subject(distribution.id()),
            Instant.now().truncatedTo(ChronoUnit.MINUTES), "herald", "fanout_finished", distribution.version(),
            Map.of("segment_id", segment.id(), "shards", segment.shards())));
        if (manual) completion.check(distribution.id());
        return new Run(null, pages, members, queued, null);
      }
      if (pages >= limits.pagesPerRun() || remainingMillis.getAsLong() < limits.marginMillis()) {
        FanoutJob followUp = job.continueAt(cursor, pages);
        fanoutQueue.put(List.of(followUp));
        return new Run(null, pages, members, queued, followUp);
      }
    }
  }

  private static List<SendJob> sendJobs(Distribution distribution, Segment segment, FanoutJob job,
      List<Member> members) {
    List<SendJob> jobs = new ArrayList<>(members.size() * distribution.channels().size());
    for (Member member : members) {
      TriggerEvent event = job.existingMembers()
          ? SegmentEvents.transition(segment, member.customerId(), null, member.seq(), true, member.enteredAt())
          : job.event().manual() ? job.event().to(member.customerId()) : job.event();
      for (Channel channel : distribution.channels()) {
        jobs.add(new SendJob(distribution.id(), channel.type(), member.customerId(), event));
      }
    }
    return jobs;
  }

  /** The segment the distribution sends this kind of job to now, or null. */
  private static String segmentOf(Distribution distribution, FanoutJob job) {
    if (job.existingMembers()) return SendToExistingMembers.segmentOf(distribution);
    return distribution.audience().type() == AudienceType.SEGMENT ? distribution.audience().segmentId() : null;
  }
}
