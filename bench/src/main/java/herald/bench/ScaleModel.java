package herald.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * The fan-out of a segment on AWS, modelled: how long until every send job is queued. A discrete-event simulation
 * of {@code shards} fan-out jobs on the fan-out queue, run by Lambda invocations whose number at once is bounded by
 * the SQS event source's scaling (five at first, then up to 300 more a minute: AWS Lambda developer guide,
 * "Configuring scaling behavior for SQS event source mappings"), by the queue's MaximumConcurrency and by what the
 * account's 1,000 concurrent executions leave once the sender has its share. Each run reads up to
 * {@code pagesPerRun} pages of {@code pageSize} members, one every {@code pageMs} (measured), then puts a follow-up
 * that a poller takes {@code followUpMs} later. A new execution environment first pays {@code coldStartMs}.
 */
record ScaleModel(int shards, int fanoutConcurrency, int accountConcurrency, int senderConcurrency, int pageSize,
    int pagesPerRun, double pageMs, double runStartMs, double followUpMs, double coldStartMs) {
  static final int FIRST_POLLERS = 5;
  static final double ADDED_PER_SECOND = 300 / 60.0;

  /** What a modelled fan-out took: seconds until the last send job was queued, runs, environments started. */
  record Outcome(double seconds, int runs, int environments, double jobsPerSecond) {}

  /** Invocations allowed at {@code t} seconds after the first fan-out job arrived. */
  int concurrencyAt(double t) {
    int ramp = FIRST_POLLERS + (int) Math.floor(ADDED_PER_SECOND * t);
    return Math.max(1, Math.min(Math.min(fanoutConcurrency, accountConcurrency - senderConcurrency), ramp));
  }

  /** The time to queue a send job for each of {@code members} members (one channel). */
  Outcome run(long members) {
    record Job(double at, long pagesLeft) {}
    Deque<Job> waiting = new ArrayDeque<>();
    long pagesTotal = 0;
    for (int s = 0; s < shards; s++) {
      long inShard = members / shards + (s < members % shards ? 1 : 0);
      long pages = Math.max(1, (inShard + pageSize - 1) / pageSize);
      pagesTotal += pages;
      waiting.add(new Job(0, pages));
    }
    PriorityQueue<double[]> running = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));  // {end, pages left}
    double t = 0;
    double last = 0;
    int runs = 0;
    int environments = 0;
    while (!waiting.isEmpty() || !running.isEmpty()) {
      while (!running.isEmpty() && running.peek()[0] <= t) {
        double[] done = running.poll();
        last = Math.max(last, done[0]);
        if (done[1] > 0) waiting.add(new Job(done[0] + followUpMs / 1000, (long) done[1]));
      }
      while (!waiting.isEmpty() && waiting.peek().at() <= t && running.size() < concurrencyAt(t)) {
        Job job = waiting.poll();
        long pages = Math.min(pagesPerRun, job.pagesLeft());
        boolean cold = running.size() + 1 > environments;
        if (cold) environments++;
        double seconds = ((cold ? coldStartMs : 0) + runStartMs + pages * pageMs) / 1000;
        running.add(new double[] {t + seconds, job.pagesLeft() - pages});
        runs++;
      }
      double next = Double.MAX_VALUE;
      if (!running.isEmpty()) next = running.peek()[0];
      if (!waiting.isEmpty()) next = Math.min(next, Math.max(waiting.peek().at(), t + 0.001));
      if (!waiting.isEmpty() && running.size() >= concurrencyAt(t)) next = Math.min(next, nextStep(t));
      t = Math.max(next, t);
    }
    return new Outcome(last, runs, environments, members / Math.max(last, 1e-9));
  }

  /** The next moment the event source may add an invocation. */
  private static double nextStep(double t) {
    return (Math.floor(t * ADDED_PER_SECOND) + 1) / ADDED_PER_SECOND;
  }
}
