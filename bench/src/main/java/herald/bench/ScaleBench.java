package herald.bench;

import static herald.bench.Results.round;
import static herald.bench.Results.round2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.fanout.FanOut;
import herald.platform.Env;
import herald.sam.TemplateReader;
import herald.testing.StandIns;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A million-member fan-out, measured where this machine can and modelled where it cannot. {@link AddedLatency} adds
 * AWS-like latency to every SDK call (assumed: DynamoDB 5 ms, SQS 10 ms, SES 30 ms; bench/README.md "Scale model").
 * For each segment size it seeds the members ({@link FanoutSetup}, latency off), then, latency on: (1) one shard, then
 * 4, then every shard at once, run through {@link FanoutPaths} as the fan-out function runs them (time per page and
 * per call, CPU of the JVM and of dynalite); (2) the whole fan-out's measured time on this machine; (3) the modelled
 * time on AWS ({@link ScaleModel}) from the one-shard page time, the template's defaults and a default account's
 * limits; and the send phase ({@link SendPhase}).
 *
 * <p>{@code ScaleBench [members...] [--dynamodb-ms=5] [--sqs-ms=10] [--ses-ms=30]} (default members: 10000
 * 100000); writes bench/results/scale.json.
 */
public final class ScaleBench {
  static final int ACCOUNT_CONCURRENCY = 1000;
  /** A new execution environment of the fan-out function (assumed; cold starts measured here: 454 to 746 ms). */
  static final double COLD_START_MS = 1000;
  private static PrintStream out = System.out;

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = new ArrayList<>();
    double dynamoMs = 5;
    double sqsMs = 10;
    double sesMs = 30;
    for (String a : args) {
      if (a.startsWith("--dynamodb-ms=")) dynamoMs = Double.parseDouble(a.substring(14));
      else if (a.startsWith("--sqs-ms=")) sqsMs = Double.parseDouble(a.substring(9));
      else if (a.startsWith("--ses-ms=")) sesMs = Double.parseDouble(a.substring(9));
      else sizes.add(Long.parseLong(a));
    }
    if (sizes.isEmpty()) sizes = List.of(10_000L, 100_000L);
    Path root = Repo.root();
    out = Results.logsToFile(root, "scale");
    AddedLatency.set("DynamoDb", dynamoMs);
    AddedLatency.set("Sqs", sqsMs);
    AddedLatency.set("SesV2", sesMs);
    Map<String, Object> template = TemplateReader.load(Files.readString(root.resolve("template.yaml")));
    int shards = defaultOf(template, "SegmentShards");
    int fanoutConcurrency = defaultOf(template, "FanoutMaxConcurrency");
    int senderConcurrency = defaultOf(template, "SenderMaxConcurrency");

    ObjectNode results = Results.start("scale");
    ObjectNode latency = results.putObject("added_latency_ms");
    latency.put("dynamodb", dynamoMs);
    latency.put("sqs", sqsMs);
    latency.put("ses", sesMs);
    ObjectNode params = results.putObject("template_defaults");
    params.put("SegmentShards", shards);
    params.put("FanoutMaxConcurrency", fanoutConcurrency);
    params.put("SenderMaxConcurrency", senderConcurrency);
    results.put("account_concurrency", ACCOUNT_CONCURRENCY);
    results.put("cold_start_ms_assumed", COLD_START_MS);
    results.put("follow_up_ms_assumed", 2 * sqsMs);
    results.put("page_size", FanOut.Limits.DEFAULT.pageSize());
    results.put("pages_per_run", FanOut.Limits.DEFAULT.pagesPerRun());
    ArrayNode curve = results.putArray("curve");
    ShardTimes model = null;
    boolean warm = false;
    for (long members : sizes) {
      AddedLatency.on(false);
      Env env = StandIns.get().freshEnv();
      FanoutSetup setup = FanoutSetup.prepare(env, Math.toIntExact(members), shards);
      if (!warm) {
        out.printf("added latency: DynamoDB %.1f ms, SQS %.1f ms, SES %.1f ms (interceptor installed: %s); "
            + "template defaults: %d shards, fan-out concurrency %d, sender %d%n", dynamoMs, sqsMs, sesMs,
            AddedLatency.installed(), shards, fanoutConcurrency, senderConcurrency);
      }
      out.printf("%n%,d members in %d shards seeded in %.1f s%n", members, shards, setup.seedSeconds());
      if (!warm) {   // JIT warm-up, not counted: four shards at the stand-ins' speed
        new FanoutPaths(setup, Math.min(4, shards)).fanOut("warm", all(shards).subList(0, Math.min(4, shards)));
        warm = true;
      }
      AddedLatency.on(true);
      ObjectNode point = curve.addObject();
      point.put("members", members);
      ArrayNode measured = point.putArray("measured_on_this_machine");
      ShardTimes one = null;
      for (int at : new int[] {1, 4, shards}) {
        ShardTimes times = ShardTimes.measure(setup, at, members, shards);
        times.write(measured.addObject());
        out.println(times.line());
        if (at == 1) one = times;
        if (at == shards) {
          point.put("measured_seconds_all_shards", round2(times.seconds()));
          point.put("measured_jobs_per_second", round(members / times.seconds()));
        }
      }
      if (model == null || members >= 100_000) model = one;   // the page time of a full shard, not a 2-page one
    }
    AddedLatency.on(false);
    ScaleModel aws = model.model(shards, fanoutConcurrency, senderConcurrency, sqsMs);
    for (JsonNode point : curve) {
      ScaleModel.Outcome outcome = aws.run(point.get("members").asLong());
      ((ObjectNode) point).put("modelled_seconds_on_aws", round2(outcome.seconds()));
    }
    ScaleReport.keepEarlierPoints(root, curve);
    ScaleReport.model(results.putObject("model"), model, shards, fanoutConcurrency, senderConcurrency, sqsMs, out);
    SendPhase.write(results.putObject("send_phase"), root, senderConcurrency, dynamoMs, sqsMs, sesMs, out);
    out.println("results: " + Results.write(root, "scale", results));
    System.exit(0);   // the stand-ins' processes and ElasticMQ's threads
  }

  @SuppressWarnings("unchecked")
  private static int defaultOf(Map<String, Object> template, String parameter) {
    var parameters = (Map<String, Map<String, Object>>) template.get("Parameters");
    return ((Number) parameters.get(parameter).get("Default")).intValue();
  }

  static List<Integer> all(int shards) {
    return IntStream.range(0, shards).boxed().toList();
  }
}
