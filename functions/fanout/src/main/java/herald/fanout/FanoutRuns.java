package herald.fanout;

import herald.domain.fanout.FanOut;
import herald.domain.fanout.FanoutJob;
import herald.platform.Log;
import herald.platform.MetricLine;
import herald.platform.Metrics;

/**
 * The log line of one fan-out run: what it read and queued, or why it skipped; and its metrics (CloudWatch EMF,
 * dimension {@code Function}: fanout): {@code SendJobsQueued} and {@code MembersRead} (Count) and the fan-out rate,
 * {@code FanoutRate}: send jobs queued per second of the run (Count/Second).
 */
final class FanoutRuns {
  private FanoutRuns() {}

  static void log(FanoutJob job, FanOut.Run run, long millis, Metrics metrics) {
    if (run.skipped() == null) {
      metrics.line().dimension("Function", "fanout")
          .metric("SendJobsQueued", MetricLine.Unit.COUNT, run.sendJobs())
          .metric("MembersRead", MetricLine.Unit.COUNT, run.members())
          .metric("FanoutRate", MetricLine.Unit.COUNT_PER_SECOND, run.sendJobs() * 1000.0 / Math.max(1, millis))
          .print(metrics.clock().instant());
    }
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
