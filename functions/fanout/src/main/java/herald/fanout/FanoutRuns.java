package herald.fanout;

import herald.domain.fanout.FanOut;
import herald.domain.fanout.FanoutJob;
import herald.platform.Log;

/** The log line of one fan-out run: what it read and queued, or why it skipped. */
final class FanoutRuns {
  private FanoutRuns() {}

  static void log(FanoutJob job, FanOut.Run run) {
    if (run.skipped() != null) {
      Log.info("fanout_skipped", "correlation_id", job.correlationId(), "distribution_id", job.distributionId(),
          "segment_id", job.segmentId(), "shard", Integer.toString(job.shard()), "reason", run.skipped());
      return;
    }
    Log.info("fanout_run", "correlation_id", job.correlationId(), "distribution_id", job.distributionId(),
        "segment_id", job.segmentId(), "shard", Integer.toString(job.shard()), "page", Integer.toString(job.page()),
        "pages", Integer.toString(run.pages()), "members", Integer.toString(run.members()),
        "send_jobs", Integer.toString(run.sendJobs()), "follow_up", Boolean.toString(run.followUp() != null));
  }
}
