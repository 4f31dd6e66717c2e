package herald.domain.trigger;

import herald.domain.channels.Channel;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendQueue;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.PatternMatcher;
import herald.domain.events.TriggerEvent;
import herald.domain.fanout.FanoutJob;
import herald.domain.fanout.FanoutQueue;
import herald.domain.segments.Segment;
import herald.domain.segments.Segments;
import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.activity.Tallies;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the active distributions an event triggers (type, filters and pattern). For the event-customer
 * audience it queues one send job per channel for the event's customer; for a segment audience one fan-out
 * job per shard of the segment, which the fan-out turns into send jobs for every member. A segment that does
 * not exist (deleted since) sends nothing and is reported as skipped.
 */
public final class DispatchEvent {
  /** What an event started: send jobs, fan-out jobs, and the distributions it could not send. */
  public record Dispatched(List<SendJob> sendJobs, List<FanoutJob> fanoutJobs, List<Skipped> skipped) {
    public Dispatched {
      sendJobs = List.copyOf(sendJobs);
      fanoutJobs = List.copyOf(fanoutJobs);
      skipped = List.copyOf(skipped);
    }
  }

  public record Skipped(String distributionId, String reason) {}

  private final ActiveDistributions distributions;
  private final SendQueue queue;
  private final FanoutQueue fanout;
  private final Segments segments;
  private final PatternMatcher patterns;
  private final Tallies tallies;
  private final Clock clock;

  public DispatchEvent(Distributions distributions, SendQueue queue, FanoutQueue fanout, Segments segments,
      PatternMatcher patterns) {
    this(distributions, queue, fanout, segments, patterns, Activity.NONE);
  }

  /** Distributions read for every event, each tally written at once. */
  public DispatchEvent(Distributions distributions, SendQueue queue, FanoutQueue fanout, Segments segments,
      PatternMatcher patterns, Activity activity) {
    this(ActiveDistributions.uncached(distributions), queue, fanout, segments, patterns, Tallies.each(activity),
        Clock.systemUTC());
  }

  @Inject
  public DispatchEvent(ActiveDistributions distributions, SendQueue queue, FanoutQueue fanout, Segments segments,
      PatternMatcher patterns, Tallies tallies, Clock clock) {
    this.tallies = tallies;
    this.clock = clock;
    this.distributions = distributions;
    this.queue = queue;
    this.fanout = fanout;
    this.segments = segments;
    this.patterns = patterns;
  }

  public Dispatched dispatch(TriggerEvent event) {
    List<SendJob> jobs = new ArrayList<>();
    List<FanoutJob> fanouts = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<Distribution> triggered = new ArrayList<>();
    for (Distribution distribution : distributions.activeFor(event.type())) {
      if (!distribution.trigger().matches(event, patterns)) continue;
      triggered.add(distribution);
      AudienceType audience = distribution.audience().type();
      if (audience == AudienceType.EVENT_CUSTOMER) {
        for (Channel channel : distribution.channels()) {
          jobs.add(new SendJob(distribution.id(), channel.type(), event.customer().id(), event));
        }
      } else if (audience == AudienceType.SEGMENT) {
        Segment segment = segments.get(distribution.audience().segmentId()).orElse(null);
        if (segment == null) {
          skipped.add(new Skipped(distribution.id(), "segment_not_found"));
          continue;
        }
        for (int shard = 0; shard < segment.shards(); shard++) {
          fanouts.add(FanoutJob.forEvent(distribution.id(), segment.id(), shard, event));
        }
      }
    }
    if (!fanouts.isEmpty()) fanout.put(fanouts);
    if (!jobs.isEmpty()) queue.send(jobs);
    noted(event, triggered, fanouts);
    return new Dispatched(jobs, fanouts, skipped);
  }

  /**
   * Sampled, so that a busy distribution has one item a minute, not one per event: per distribution and minute,
   * {@code triggered} (the first event's type and id, and how many events), and {@code fanout_started} (its segment
   * and how many shards were queued); their counts added up in the process and written every few seconds
   * ({@link Tallies}).
   */
  private void noted(TriggerEvent event, List<Distribution> triggered, List<FanoutJob> fanouts) {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    for (Distribution d : triggered) {
      tallies.add(new ActivityEntry(ManageDistributions.subject(d.id()), minute, "herald", "triggered",
          d.version(), Map.of("event_type", event.type(), "event_id", event.id())));
      long shards = fanouts.stream().filter(f -> f.distributionId().equals(d.id())).count();
      if (shards > 0) {
        tallies.add(new ActivityEntry(ManageDistributions.subject(d.id()), minute, "herald", "fanout_started",
            d.version(), Map.of("segment_id", String.valueOf(d.audience().segmentId()), "shards", shards)));
      }
    }
  }
}
