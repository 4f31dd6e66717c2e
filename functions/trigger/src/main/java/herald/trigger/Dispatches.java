package herald.trigger;

import herald.domain.events.TriggerEvent;
import herald.domain.trigger.DispatchEvent;
import herald.platform.Log;

/**
 * The log lines of one dispatched event: each distribution it skipped, and the jobs it queued when it started a
 * segment's fan-out. An event that only queued send jobs logs nothing: its messages show what it did, and a line
 * per event on the bus would be most of the trigger's log bytes.
 */
final class Dispatches {
  private Dispatches() {}

  static void log(TriggerEvent event, DispatchEvent.Dispatched dispatched) {
    for (DispatchEvent.Skipped skipped : dispatched.skipped()) {
      Log.info("distribution_skipped", "correlation_id", event.id(), "distribution_id", skipped.distributionId(),
          "reason", skipped.reason());
    }
    if (dispatched.fanoutJobs().isEmpty()) return;
    Log.info("event_dispatched", "correlation_id", event.id(), "type", event.type(),
        "jobs", Integer.toString(dispatched.sendJobs().size()),
        "fanout_jobs", Integer.toString(dispatched.fanoutJobs().size()));
  }
}
