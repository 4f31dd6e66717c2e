package herald.bench;

import static herald.bench.Results.round;
import static herald.bench.Results.round2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.fanout.FanOut;

/**
 * {@code concurrent} shards of a seeded segment fanned out at once, under the added latency, one worker thread each
 * (an invocation each on Lambda): the time per page of one shard, the mean time of the calls, and the CPU spent per
 * page by the JVM (Herald's code, the SDK clients and ElasticMQ, which runs in it), by the workers and the virtual
 * threads that send a page's batches (the client side alone: what a Lambda invocation would spend), and by dynalite.
 */
record ShardTimes(int concurrent, long messages, double seconds, double msPerPage, double batchMs, double queryMs,
    double getItemMs, double jvmCpuMsPerPage, double clientCpuMsPerPage, double dynaliteCpuMsPerPage) {
  /** A Lambda function's share of a vCPU at 1,024 MB (Lambda gives one vCPU at 1,769 MB). */
  static final double LAMBDA_VCPU = 1024 / 1769.0;

  static ShardTimes measure(FanoutSetup setup, int concurrent, long members, int shards) throws InterruptedException {
    AddedLatency.reset();
    FanoutPaths.Window w = new FanoutPaths(setup, concurrent)
        .fanOut("c" + concurrent + "-" + members, ScaleBench.all(shards).subList(0, concurrent));
    double pagesPerShard = w.messages() / (double) concurrent / FanOut.Limits.DEFAULT.pageSize();
    double pages = w.messages() / (double) FanOut.Limits.DEFAULT.pageSize();
    Cpu cpu = w.cpu();
    double client = cpu.threads() + cpu.groups().entrySet().stream()
        .filter(e -> e.getKey().startsWith("ForkJoinPool")).mapToDouble(e -> e.getValue()).sum();
    return new ShardTimes(concurrent, w.messages(), w.seconds(), w.seconds() * 1000 / pagesPerShard,
        AddedLatency.meanMillis("Sqs.SendMessageBatch"), AddedLatency.meanMillis("DynamoDb.Query"),
        AddedLatency.meanMillis("DynamoDb.GetItem"), cpu.jvm() * 1000 / pages, client * 1000 / pages,
        cpu.dynalite() * 1000 / pages);
  }

  /**
   * The model of AWS from this measurement: a page takes what it took here (the stand-ins' own time left in: on the
   * safe side), or what the client's CPU needs at Lambda's share of a vCPU, whichever is longer; a run starts with
   * two reads (the distribution, the segment); a follow-up costs two SQS round trips.
   */
  ScaleModel model(int shards, int fanoutConcurrency, int senderConcurrency, double sqsMs) {
    return new ScaleModel(shards, fanoutConcurrency, ScaleBench.ACCOUNT_CONCURRENCY, senderConcurrency,
        FanOut.Limits.DEFAULT.pageSize(), FanOut.Limits.DEFAULT.pagesPerRun(), pageMsOnLambda(), 2 * getItemMs,
        2 * sqsMs, ScaleBench.COLD_START_MS);
  }

  double pageMsOnLambda() {
    return Math.max(msPerPage, clientCpuMsPerPage / LAMBDA_VCPU);
  }

  /**
   * A page with the stand-ins' own time taken out: the added latency alone (a Query, then the page's batches five at
   * a time, {@code sqsMs} each) plus the client's CPU at Lambda's share of a vCPU, one after the other.
   */
  double latencyOnlyPageMs(double sqsMs) {
    double rounds = Math.ceil(FanOut.Limits.DEFAULT.pageSize() / 10.0 / 5);
    return AddedLatency.millis("DynamoDb") + rounds * sqsMs + clientCpuMsPerPage / LAMBDA_VCPU;
  }

  /** A page as the fan-out sent it before (one SendMessageBatch after another): the Query and 50 calls. */
  double sequentialPageMs() {
    return queryMs + FanOut.Limits.DEFAULT.pageSize() / 10.0 * batchMs;
  }

  void write(ObjectNode node) {
    node.put("concurrent_shards", concurrent);
    node.put("send_jobs", messages);
    node.put("seconds", round2(seconds));
    node.put("jobs_per_second", round(messages / seconds));
    node.put("ms_per_page_of_one_shard", round2(msPerPage));
    node.put("send_message_batch_mean_ms", round2(batchMs));
    node.put("query_mean_ms", round2(queryMs));
    node.put("get_item_mean_ms", round2(getItemMs));
    node.put("cpu_ms_per_page_jvm", round2(jvmCpuMsPerPage));
    node.put("cpu_ms_per_page_client", round2(clientCpuMsPerPage));
    node.put("cpu_ms_per_page_dynalite", round2(dynaliteCpuMsPerPage));
  }

  String line() {
    return String.format("%2d shard(s) at once: %,d jobs in %.2f s (%,.0f/s); a shard's page %.1f ms; "
        + "SendMessageBatch %.1f ms, Query %.1f ms, GetItem %.1f ms; CPU per page: JVM %.1f ms (client %.1f), "
        + "dynalite %.1f ms", concurrent, messages, seconds, messages / seconds, msPerPage, batchMs, queryMs,
        getItemMs, jvmCpuMsPerPage, clientCpuMsPerPage, dynaliteCpuMsPerPage);
  }
}
