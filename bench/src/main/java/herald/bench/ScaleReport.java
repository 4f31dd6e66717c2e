package herald.bench;

import static herald.bench.Results.round2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The model's inputs and its sweep: 10k, 100k and 1M members over a few shard counts, and the old sequential page. */
final class ScaleReport {
  static final long[] SIZES = {10_000, 100_000, 1_000_000};

  private ScaleReport() {}

  static void model(ObjectNode node, ShardTimes times, int shards, int fanoutConcurrency, int senderConcurrency,
      double sqsMs, PrintStream out) {
    ScaleModel base = times.model(shards, fanoutConcurrency, senderConcurrency, sqsMs);
    node.put("page_ms_measured_one_shard", round2(times.msPerPage()));
    node.put("page_ms_client_cpu_at_lambda_vcpu", round2(times.clientCpuMsPerPage() / ShardTimes.LAMBDA_VCPU));
    node.put("page_ms_used", round2(base.pageMs()));
    node.put("run_start_ms", round2(base.runStartMs()));
    node.put("follow_up_ms", round2(base.followUpMs()));
    node.put("page_ms_sequential_batches", round2(times.sequentialPageMs()));
    out.printf("%nmodel: a page %.1f ms (measured, one shard; client CPU at Lambda's %.2f vCPU: %.1f ms), a run's "
        + "start %.1f ms, a follow-up %.1f ms, a new environment %.0f ms; sequential batches: %.1f ms a page%n",
        times.msPerPage(), ShardTimes.LAMBDA_VCPU, times.clientCpuMsPerPage() / ShardTimes.LAMBDA_VCPU,
        base.runStartMs(), base.followUpMs(), base.coldStartMs(), times.sequentialPageMs());
    out.println("seconds until every send job is queued (modelled on AWS):");
    out.printf("%-34s %10s %10s %10s%n", "", "10k", "100k", "1M");
    ArrayNode rows = node.putArray("seconds_to_queue");
    for (int s : new int[] {shards, 32, 64}) {
      row(rows, out, "shards " + s + ", 5 batches at once", new ScaleModel(s, fanoutConcurrency,
          base.accountConcurrency(), senderConcurrency, base.pageSize(), base.pagesPerRun(), base.pageMs(),
          base.runStartMs(), base.followUpMs(), base.coldStartMs()), s, false);
    }
    double latencyOnly = times.latencyOnlyPageMs(sqsMs);
    node.put("page_ms_stand_ins_subtracted", round2(latencyOnly));
    row(rows, out, "shards " + shards + ", stand-ins subtracted", new ScaleModel(shards, fanoutConcurrency,
        base.accountConcurrency(), senderConcurrency, base.pageSize(), base.pagesPerRun(), latencyOnly,
        base.runStartMs(), base.followUpMs(), base.coldStartMs()), shards, false);
    row(rows, out, "shards " + shards + ", one batch at a time", new ScaleModel(shards, fanoutConcurrency,
        base.accountConcurrency(), senderConcurrency, base.pageSize(), base.pagesPerRun(), times.sequentialPageMs(),
        base.runStartMs(), base.followUpMs(), base.coldStartMs()), shards, true);
  }

  /**
   * The curve's points of an earlier run for sizes this run did not measure (bench/run.sh scale -- 1000000 adds the
   * 1M point to the 10k and 100k ones), each with the time of its run; the curve sorted by members.
   */
  static void keepEarlierPoints(Path root, ArrayNode curve) throws IOException {
    Path file = root.resolve("bench/results/scale.json");
    if (!Files.exists(file)) return;
    JsonNode earlier = Results.JSON.readTree(file.toFile());
    Set<Long> measured = new HashSet<>();
    curve.forEach(p -> measured.add(p.get("members").asLong()));
    List<JsonNode> points = new ArrayList<>();
    curve.forEach(p -> points.add(((ObjectNode) p).put("run_at", Instant.now().toString())));
    for (JsonNode p : earlier.path("curve")) {
      if (measured.contains(p.path("members").asLong())) continue;
      ObjectNode kept = p.deepCopy();
      if (!kept.has("run_at")) kept.put("run_at", earlier.path("at").asText());
      points.add(kept);
    }
    points.sort(Comparator.comparingLong(p -> p.get("members").asLong()));
    curve.removeAll();
    points.forEach(curve::add);
  }

  private static void row(ArrayNode rows, PrintStream out, String label, ScaleModel model, int shards,
      boolean sequential) {
    ObjectNode row = rows.addObject();
    row.put("shards", shards);
    row.put("batches_at_once", sequential ? 1 : 5);
    row.put("label", label);
    row.put("page_ms", round2(model.pageMs()));
    StringBuilder line = new StringBuilder(String.format("%-34s", label));
    for (long n : SIZES) {
      ScaleModel.Outcome o = model.run(n);
      row.put(Long.toString(n), round2(o.seconds()));
      line.append(String.format(" %10.1f", o.seconds()));
    }
    out.println(line);
  }
}
