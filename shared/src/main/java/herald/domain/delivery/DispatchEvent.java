package herald.domain.delivery;

import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Channel;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.Distributions;
import herald.domain.events.TriggerEvent;
import java.util.ArrayList;
import java.util.List;

/** Finds the active distributions an event triggers and queues one send job per recipient and channel. */
public final class DispatchEvent {
  private final Distributions distributions;
  private final JobQueue queue;

  public DispatchEvent(Distributions distributions, JobQueue queue) {
    this.distributions = distributions;
    this.queue = queue;
  }

  /** Returns the jobs queued. */
  public List<SendJob> dispatch(TriggerEvent event) {
    List<SendJob> jobs = new ArrayList<>();
    for (Distribution distribution : distributions.activeFor(event.type())) {
      if (!distribution.trigger().matches(event)) continue;
      if (distribution.audience() != AudienceType.EVENT_CUSTOMER) continue;
      for (Channel channel : distribution.channels()) {
        jobs.add(new SendJob(distribution.id(), channel.type(), event.customer().id(), event));
      }
    }
    if (!jobs.isEmpty()) queue.send(jobs);
    return jobs;
  }
}
