package herald.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.distributions.DistributionStatus;
import herald.local.LambdaFunction;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Env;
import herald.testing.Seed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cold start of each function: fresh JVM to first event handled, against the local runtime's stand-ins.
 * {@code ColdStartBench [runs] [--name=NAME] [JVM flags for the probes...]}: 5 runs by default; writes
 * bench/results/NAME.json (cold-start). Extra flags are for experiments (a CDS archive, an AOT cache);
 * {function} in a flag becomes the function's folder (api, trigger, sender, dead-letter, feedback, segments,
 * fanout, jobs).
 */
public final class ColdStartBench {
  private static final long SETTLE_MS = 1000;
  private static final List<Fn> FUNCTIONS = List.of(
      new Fn("ApiFunction", "api", "api-create-distribution.json", "status=201", null),
      new Fn("TriggerFunction", "trigger", "trigger-custom-event.json", "bytes_out=0", null),
      new Fn("SenderFunction", "sender", "sender-send-job.json", "batch_item_failures=0", "SENT"),
      new Fn("DeadLetterFunction", "dead-letter", "dead-letter-send-job.json", "batch_item_failures=0", "FAILED"),
      new Fn("FeedbackFunction", "feedback", "feedback-delivery.json", "bytes_out=0", null),
      new Fn("SegmentsFunction", "segments", "segments-order-paid.json", "bytes_out=0", null),
      new Fn("FanoutFunction", "fanout", "fanout-segment-shard.json", "batch_item_failures=0", null),
      new Fn("JobsFunction", "jobs", "jobs-import-part.json", "batch_item_failures=0", null));
  private static final String[] COLUMNS =
      {"total_ms", "spawn_to_handled_ms", "init_ms", "to_main_ms", "constructor_ms", "event_ms", "invoke_ms",
          "wall_ms", "cpu_ms"};

  /** A function, the folder of its module, its sample event, and what a good run looks like. */
  private record Fn(String logicalId, String folder, String event, String outcome, String messageStatus) {}

  private static PrintStream OUT = System.out;

  private ColdStartBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String name = "cold-start";
    List<String> flags = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--name=")) name = args[i].substring("--name=".length());
      else flags.add(args[i]);
    }
    Path root = Repo.root();
    OUT = Results.logsToFile(root, name);
    Path benchClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ObjectNode results = Results.start("cold-start");
    results.put("runs_per_function", runs);
    results.put("jvm_flags", String.join(" ", ProbeRun.flags(flags)));
    ArrayNode rows = results.putArray("functions");
    try (LocalRuntime runtime = LocalRuntime.start(options(root))) {
      // the brand, customer and ACTIVE distribution the sample events name, and the segments, members and
      // import the newer ones name, so each handler does its real work
      Env data = runtime.functions().get("ApiFunction").env();
      new Seed(data).brand().customer(Seed.EMAIL).distribution(DistributionStatus.ACTIVE);
      ColdStartData more = new ColdStartData(data).seed();
      for (Fn fn : FUNCTIONS) {
        LambdaFunction function = runtime.functions().get(fn.logicalId());
        Path jar = jar(root, fn.folder());
        List<ProbeRun> done = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
          Thread.sleep(SETTLE_MS); // lets the runtime finish what the previous run queued (the trigger's sends)
          more.clearMessages(); // the sender and dead-letter claim the same message id every run
          more.before(fn.logicalId());
          ProbeRun run = ProbeRun.run(jar, benchClasses, forFunction(flags, fn), function.spec().handlerClass(),
              root.resolve("events").resolve(fn.event()), function.env().vars());
          check(fn, run, more);
          more.after(fn.logicalId());
          OUT.printf("%-18s run %d: total %5.0f ms, init %5.0f ms, first invoke %5.0f ms, cpu %5.0f ms (%s)%n",
              fn.logicalId(), i, run.get("total_ms"), run.get("init_ms"), run.get("invoke_ms"), run.get("cpu_ms"),
              run.probe().path("outcome").asText());
          done.add(run);
        }
        rows.add(row(fn, function, jar, done));
      }
    }
    print(rows, runs);
    OUT.println("results: " + Results.write(root, name, results));
  }

  /** Options.forTests, with the README's default API key: the sample API events carry it. */
  private static Options options(Path root) {
    Options t = Options.forTests(root.resolve("template.yaml"));
    return new Options(t.template(), t.apiPort(), t.sesPort(), t.dynamoDbPort(), t.sqsPort(), t.awsPort(),
        Options.DEFAULT_API_KEY, t.pollerThreads(), t.pollWaitSeconds(), t.retryBackoff(), t.maxInstances(),
        t.banner());
  }

  private static List<String> forFunction(List<String> flags, Fn fn) {
    return flags.stream().map(flag -> flag.replace("{function}", fn.folder())).toList();
  }

  private static Path jar(Path root, String folder) throws IOException {
    Path target = root.resolve("functions").resolve(folder).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(p -> p.getFileName().toString().matches("herald-fn-" + folder + "-.*-lambda\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no shaded jar in " + target
              + ": build first (mvn -DskipTests install)"));
    }
  }

  private static void check(Fn fn, ProbeRun run, ColdStartData data) {
    String outcome = run.probe().path("outcome").asText();
    if (!fn.outcome().equals(outcome)) {
      throw new IllegalStateException(fn.logicalId() + " handled its event with " + outcome + ", not " + fn.outcome());
    }
    if (fn.messageStatus() == null) return;
    List<String> statuses = data.messageStatuses();
    if (!statuses.equals(List.of(fn.messageStatus()))) {
      throw new IllegalStateException(fn.logicalId() + " left messages " + statuses + ", not " + fn.messageStatus());
    }
  }

  private static ObjectNode row(Fn fn, LambdaFunction function, Path jar, List<ProbeRun> runs) throws IOException {
    ObjectNode row = Results.JSON.createObjectNode();
    row.put("function", fn.logicalId());
    row.put("handler", function.spec().handlerClass());
    row.put("event", "events/" + fn.event());
    row.put("jar", jar.getFileName().toString());
    row.put("jar_bytes", Files.size(jar));
    row.put("java_tool_options", function.env().vars().get("JAVA_TOOL_OPTIONS"));
    row.putPOJO("environment", function.env().vars().keySet().stream().sorted().toList());
    ObjectNode median = row.putObject("median");
    for (String column : COLUMNS) {
      median.put(column, Results.round(new Quantiles(runs.stream().map(r -> value(r, column)).toList()).median()));
    }
    ArrayNode all = row.putArray("runs");
    for (ProbeRun run : runs) {
      ObjectNode one = run.probe().deepCopy();
      one.put("spawn_to_handled_ms", run.spawnToHandledMs());
      one.put("wall_ms", Results.round(run.wallMs()));
      all.add(one);
    }
    return row;
  }

  private static double value(ProbeRun run, String column) {
    return switch (column) {
      case "spawn_to_handled_ms" -> run.spawnToHandledMs();
      case "wall_ms" -> run.wallMs();
      default -> run.get(column);
    };
  }

  private static void print(ArrayNode rows, int runs) {
    OUT.printf("%nCold start, median of %d runs (ms; JVM start = the JVM's own start time)%n", runs);
    OUT.printf("%-18s %7s %9s %9s %7s %8s %9s %7s %9s %7s %7s%n", "function", "jar MB", "total",
        "spawn->ev", "init", "to main", "construct", "event", "1st call", "wall", "cpu");
    for (var row : rows) {
      var m = row.path("median");
      OUT.printf("%-18s %7.1f %9.0f %9.0f %7.0f %8.0f %9.0f %7.0f %9.0f %7.0f %7.0f%n", row.path("function").asText(),
          row.path("jar_bytes").asLong() / 1e6, m.path("total_ms").asDouble(), m.path("spawn_to_handled_ms").asDouble(),
          m.path("init_ms").asDouble(), m.path("to_main_ms").asDouble(), m.path("constructor_ms").asDouble(),
          m.path("event_ms").asDouble(), m.path("invoke_ms").asDouble(), m.path("wall_ms").asDouble(),
          m.path("cpu_ms").asDouble());
    }
  }
}
