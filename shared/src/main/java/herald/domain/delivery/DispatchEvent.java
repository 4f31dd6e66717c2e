package herald.domain.delivery;

import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Channel;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.PatternMatcher;
import herald.domain.events.TriggerEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the active distributions an event triggers (type, filters and pattern) and queues one send job
 * per recipient and channel. Only the event's own customer is a recipient here: segment audiences are
 * resolved by the fan-out.
 */
public final class DispatchEvent {
  private final Distributions distributions;
  private final JobQueue queue;
  private final PatternMatcher patterns;

  public DispatchEvent(Distributions distributions, JobQueue queue, PatternMatcher patterns) {
    this.distributions = distributions;
    this.queue = queue;
    this.patterns = patterns;
  }

  /** Returns the jobs queued. */
  public List<SendJob> dispatch(TriggerEvent event) {
    List<SendJob> jobs = new ArrayList<>();
    for (Distribution distribution : distributions.activeFor(event.type())) {
      if (distribution.audience().type() != AudienceType.EVENT_CUSTOMER) continue;
      if (!distribution.trigger().matches(event, patterns)) continue;
      for (Channel channel : distribution.channels()) {
        jobs.add(new SendJob(distribution.id(), channel.type(), event.customer().id(), event));
      }
    }
    if (!jobs.isEmpty()) queue.send(jobs);
    return jobs;
  }
}
