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
 * {@code ColdStartBench [runs] [--name=NAME] [--before=DIR] [JVM flags for the probes...]}: 5 runs by default;
 * writes bench/results/NAME.json (cold-start). {@code --before=DIR} also runs the shaded jars in DIR (copies of
 * older builds), taking turns with the current ones, and prints both with their ratio. Extra flags are for
 * experiments (a CDS archive, an AOT cache); {function} in a flag becomes the function's folder (api, trigger,
 * sender, dead-letter, feedback, segments, fanout, jobs).
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
    Path before = null;
    List<String> flags = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--name=")) name = args[i].substring("--name=".length());
      else if (args[i].startsWith("--before=")) before = Path.of(args[i].substring("--before=".length()));
      else flags.add(args[i]);
    }
    Path root = Repo.root();
    OUT = Results.logsToFile(root, name);
    ObjectNode results = Results.start("cold-start");
    results.put("runs_per_function", runs);
    results.put("jvm_flags", String.join(" ", ProbeRun.flags(flags)));
    if (before != null) results.put("before_jars", root.relativize(root.resolve(before).toAbsolutePath()).toString());
    ArrayNode rows = results.putArray("functions");
    ArrayNode beforeRows = before == null ? null : results.putArray("functions_before");
    try (LocalRuntime runtime = LocalRuntime.start(options(root))) {
      ColdStartData more = seed(runtime);
      for (Fn fn : FUNCTIONS) {
        LambdaFunction function = runtime.functions().get(fn.logicalId());
        Path jar = jar(root.resolve("functions").resolve(fn.folder()).resolve("target"), fn.folder());
        Path old = before == null ? null : jar(root.resolve(before), fn.folder());
        List<ProbeRun> done = new ArrayList<>();
        List<ProbeRun> doneBefore = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
          // the two sets take turns, so a noisy minute falls on both
          if (old != null) doneBefore.add(once(runtime, more, fn, old, flags, false, "before  run " + i));
          done.add(once(runtime, more, fn, jar, flags, false, (old == null ? "" : "current ") + "run " + i));
        }
        rows.add(row(fn, function, jar, done));
        if (old != null) beforeRows.add(row(fn, function, old, doneBefore));
      }
    }
    print(rows, runs);
    if (beforeRows != null) {
      OUT.printf("%nThe jars in %s, in the same run:", before);
      print(beforeRows, runs);
      compare(beforeRows, rows);
    }
    OUT.println("results: " + Results.write(root, name, results));
  }

  /**
   * Each function's shaded jar (functions/&lt;folder&gt;/target) handles its sample event once in a fresh JVM, as
   * in the bench, and then runs its SnapStart priming; throws if a jar cannot (a class its minimizing left out, a
   * failed outcome or priming). ShadedJarsIT runs it in mvn verify.
   */
  static void handleEachOnce(Path root, PrintStream out) throws Exception {
    OUT = out;
    try (LocalRuntime runtime = LocalRuntime.start(options(root))) {
      ColdStartData more = seed(runtime);
      for (Fn fn : FUNCTIONS) {
        Path jar = jar(root.resolve("functions").resolve(fn.folder()).resolve("target"), fn.folder());
        ProbeRun run = once(runtime, more, fn, jar, List.of(), true, jar.getFileName().toString());
        if (run.probe().path("primed").asInt() < 1) {
          throw new IllegalStateException(fn.logicalId() + " registered no SnapStart priming");
        }
      }
    }
  }

  /** The brand, customer and ACTIVE distribution the sample events name, and the segments, members and import
   * the newer ones name, so each handler does its real work. */
  private static ColdStartData seed(LocalRuntime runtime) throws Exception {
    Env data = runtime.functions().get("ApiFunction").env();
    new Seed(data).brand().customer(Seed.EMAIL).distribution(DistributionStatus.ACTIVE);
    return new ColdStartData(data).seed();
  }

  private static ProbeRun once(LocalRuntime runtime, ColdStartData more, Fn fn, Path jar, List<String> flags,
      boolean prime, String label) throws Exception {
    LambdaFunction function = runtime.functions().get(fn.logicalId());
    Path benchClasses = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Thread.sleep(SETTLE_MS); // lets the runtime finish what the previous run queued (the trigger's sends)
    more.clearMessages(); // the sender and dead-letter claim the same message id every run
    more.before(fn.logicalId());
    ProbeRun run = ProbeRun.run(jar, benchClasses, forFunction(flags, fn), function.spec().handlerClass(),
        event(fn, function.env()), function.env().vars(), prime);
    check(fn, run, more);
    more.after(fn.logicalId());
    OUT.printf("%-18s %s: total %5.0f ms, init %5.0f ms, first invoke %5.0f ms, cpu %5.0f ms (%s%s)%n",
        fn.logicalId(), label, run.get("total_ms"), run.get("init_ms"), run.get("invoke_ms"), run.get("cpu_ms"),
        run.probe().path("outcome").asText(), prime ? ", primed " + run.probe().path("primed").asInt() : "");
    return run;
  }

  /**
   * The sample event; the dead-letter function's names the send DLQ by the sample's own ARN, which the function
   * accepts only as one of its stack's queues (SEND_DLQ_ARN), so it gets the local runtime's ARN, as its handler
   * test does.
   */
  private static Path event(Fn fn, Env env) throws IOException {
    Path sample = Repo.root().resolve("events").resolve(fn.event());
    if (!fn.logicalId().equals("DeadLetterFunction")) return sample;
    Path copy = Repo.root().resolve("bench/target/events").resolve(fn.event());
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, Files.readString(sample)
        .replace("arn:aws:sqs:eu-west-1:123456789012:herald-send-dlq", env.get("SEND_DLQ_ARN")));
    return copy;
  }

  private static void compare(ArrayNode before, ArrayNode current) {
    OUT.printf("%nBefore and current, median total ms (and jar MB)%n");
    OUT.printf("%-18s %10s %10s %7s %9s %9s%n", "function", "before", "current", "ratio", "jar MB", "was MB");
    for (int i = 0; i < current.size(); i++) {
      var b = before.get(i);
      var c = current.get(i);
      double bt = b.path("median").path("total_ms").asDouble();
      double ct = c.path("median").path("total_ms").asDouble();
      OUT.printf("%-18s %10.0f %10.0f %7.2f %9.1f %9.1f%n", c.path("function").asText(), bt, ct, ct / bt,
          c.path("jar_bytes").asLong() / 1e6, b.path("jar_bytes").asLong() / 1e6);
    }
  }

  /** Options.forTests, with the README's default API key: the sample API events carry it. */
  private static Options options(Path root) {
    Options t = Options.forTests(root.resolve("template.yaml"));
    return new Options(t.template(), t.apiPort(), t.sesPort(), t.dynamoDbPort(), t.sqsPort(), t.awsPort(),
        Options.DEFAULT_API_KEY, t.concurrency(), t.pollWaitSeconds(), t.retryBackoff(), t.maxInstances(),
        t.banner());
  }

  private static List<String> forFunction(List<String> flags, Fn fn) {
    return flags.stream().map(flag -> flag.replace("{function}", fn.folder())).toList();
  }

  /** The function's shaded jar in a folder: functions/&lt;folder&gt;/target, or a copy of old jars. */
  private static Path jar(Path dir, String folder) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("herald-fn-" + folder + "-.*-lambda\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no shaded jar of " + folder + " in " + dir
              + ": build first (mvn -DskipTests package)"));
    }
  }

  private static void check(Fn fn, ProbeRun run, ColdStartData data) {
    String outcome = run.probe().path("outcome").asText();
    if (!fn.outcome().equals(outcome)) {
      throw new IllegalStateException(fn.logicalId() + " handled its event with " + outcome + ", not " + fn.outcome()
          + "; it printed:\n" + run.output());
    }
    if (fn.messageStatus() == null) return;
    List<String> statuses = data.messageStatuses();
    if (!statuses.equals(List.of(fn.messageStatus()))) {
      throw new IllegalStateException(fn.logicalId() + " left messages " + statuses + ", not " + fn.messageStatus()
          + "; it printed:\n" + run.output());
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
