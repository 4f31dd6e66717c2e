package herald.domain.manual;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.channels.Channel;
import herald.domain.delivery.SendCompletion;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendProgress;
import herald.domain.delivery.SendQueue;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import herald.domain.events.TriggerEvent;
import herald.domain.fanout.FanoutJob;
import herald.domain.fanout.FanoutQueue;
import herald.domain.segments.RunningEvaluations;
import herald.domain.segments.Segment;
import herald.domain.segments.Segments;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A manual start arrived (the grace period, or the wait until {@code send_at}, is over): reads the distribution again
 * and acts on what it finds. Stopped, rescheduled since (another schedule id), already sent or gone: nothing. A
 * segment still being evaluated: the start comes back in {@link #EVALUATION_WAIT}. Otherwise the distribution
 * becomes SENDING and its audience, as it is now, gets the version stored now: one send job per channel for one
 * customer, or one fan-out job per shard of the segment, whose members the fan-out reads when it runs. Every message
 * of the send carries the manual event (its id the schedule's), so a start delivered twice, or after a crash
 * half-way (found SENDING under the same schedule), queues the same message ids, which the sender claims once.
 */
public final class StartManualSend {
  public static final Duration EVALUATION_WAIT = Duration.ofSeconds(30);
  private final Distributions distributions;
  private final Segments segments;
  private final RunningEvaluations evaluations;
  private final SendQueue sendQueue;
  private final FanoutQueue fanoutQueue;
  private final SendProgress progress;
  private final ManualStarts starts;
  private final Activity activity;
  private final Clock clock;
  private final SendCompletion completion;

  @Inject
  public StartManualSend(Distributions distributions, Segments segments, RunningEvaluations evaluations,
      SendQueue sendQueue, FanoutQueue fanoutQueue, SendProgress progress, ManualStarts starts, Activity activity,
      Clock clock, SendCompletion completion) {
    this.completion = completion;
    this.distributions = distributions;
    this.segments = segments;
    this.evaluations = evaluations;
    this.sendQueue = sendQueue;
    this.fanoutQueue = fanoutQueue;
    this.progress = progress;
    this.starts = starts;
    this.activity = activity;
    this.clock = clock;
  }

  /** What the start did: {@code started}, or why it did nothing now. */
  public enum Outcome { STARTED, NOT_FOUND, SUPERSEDED, STOPPED, ALREADY_SENT, NOT_SCHEDULED, EARLY, SEGMENT_EVALUATING }

  public Outcome start(ManualStart start) {
    Distribution d = distributions.get(start.distributionId()).orElse(null);
    if (d == null) return Outcome.NOT_FOUND;
    if (d.schedule() == null || !d.schedule().id().equals(start.scheduleId())) return Outcome.SUPERSEDED;
    switch (d.status()) {
      case STOPPED: return Outcome.STOPPED;
      case DONE: return Outcome.ALREADY_SENT;
      case SCHEDULED, SENDING: break;
      default: return Outcome.NOT_SCHEDULED;
    }
    Instant now = clock.instant();
    if (d.status() == DistributionStatus.SCHEDULED && now.isBefore(d.schedule().sendAt().minusSeconds(1))) {
      Duration left = Duration.between(now, d.schedule().sendAt());
      starts.retryIn(start, left.compareTo(ManualStarts.MAX_DELAY) > 0 ? ManualStarts.MAX_DELAY : left);
      return Outcome.EARLY;
    }
    Segment segment = null;
    if (d.audience().type() == AudienceType.SEGMENT) {
      segment = segments.get(d.audience().segmentId()).orElse(null);
      if (segment != null && evaluations.running(segment)) {
        starts.retryIn(start, EVALUATION_WAIT);
        return Outcome.SEGMENT_EVALUATING;
      }
    }
    Distribution sending = d.status() == DistributionStatus.SENDING ? d : d.moveTo(DistributionStatus.SENDING, now);
    if (sending != d) {
      if (!distributions.replace(sending, d.version())) return start(start);   // edited or stopped meanwhile: again
      activity.record(new ActivityEntry(ManageDistributions.subject(d.id()), now, "herald", "sending",
          sending.version()));
    }
    TriggerEvent event = TriggerEvent.manual(start.scheduleId(), d.schedule().sendAt());
    if (d.audience().type() == AudienceType.CUSTOMER) {
      progress.started(d.id(), start.scheduleId(), 1);
      List<SendJob> jobs = new ArrayList<>();
      String customerId = d.audience().customerId();
      for (Channel channel : sending.channels()) {
        jobs.add(new SendJob(d.id(), channel.type(), customerId, event.to(customerId)));
      }
      progress.queued(d.id(), 0, 0, jobs.size(), true);
      sendQueue.send(jobs);
    } else {
      int shards = segment == null ? 0 : segment.shards();
      progress.started(d.id(), start.scheduleId(), shards);
      List<FanoutJob> jobs = new ArrayList<>();
      for (int shard = 0; shard < shards; shard++) jobs.add(FanoutJob.forEvent(d.id(), segment.id(), shard, event));
      if (jobs.isEmpty()) completion.check(d.id());   // the segment is gone: nothing to send, done
      else fanoutQueue.put(jobs);
    }
    return Outcome.STARTED;
  }
}
