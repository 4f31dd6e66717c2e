package herald.trigger;

import herald.domain.events.TriggerEvent;
import herald.domain.trigger.DispatchEvent;
import herald.platform.Log;

/** The log lines of one dispatched event: each distribution it skipped, and the jobs it queued. */
final class Dispatches {
  private Dispatches() {}

  static void log(TriggerEvent event, DispatchEvent.Dispatched dispatched) {
    for (DispatchEvent.Skipped skipped : dispatched.skipped()) {
      Log.info("distribution_skipped", "correlation_id", event.id(), "distribution_id", skipped.distributionId(),
          "reason", skipped.reason());
    }
    Log.info("event_dispatched", "correlation_id", event.id(), "type", event.type(),
        "jobs", Integer.toString(dispatched.sendJobs().size()),
        "fanout_jobs", Integer.toString(dispatched.fanoutJobs().size()));
  }
}
