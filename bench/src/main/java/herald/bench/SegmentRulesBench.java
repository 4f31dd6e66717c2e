package herald.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.customers.Customer;
import herald.domain.segments.SegmentRule;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Profiles evaluated per second against 50 auto-update segments, domain only ({@link SegmentRulesBenchmark},
 * JMH, with JMH's GC profiler for the bytes allocated per profile). Arguments: [forks] [warm-up iterations]
 * [measurement iterations], each iteration 1 s; 1, 3 and 5 by default, under 30 s in all. Writes
 * bench/results/segment-rules.json.
 */
public final class SegmentRulesBench {
  private SegmentRulesBench() {}

  public static void main(String[] args) throws Exception {
    int forks = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Collection<RunResult> runs = new Runner(new OptionsBuilder()
        .include(SegmentRulesBenchmark.class.getName())
        .forks(forks).threads(1)
        .warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .build()).run();
    RunResult run = runs.iterator().next();
    Result<?> score = run.getPrimaryResult();
    Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
    double[] matches = matchRate();
    double perCpuSecond = perCpuSecond();

    ObjectNode results = Results.start("segment-rules");
    ObjectNode settings = results.putObject("settings");
    settings.put("segments", 50);
    settings.put("customers_in_pool", SegmentRulesBenchmark.POOL);
    settings.put("forks", forks);
    settings.put("warmup_iterations_1s", warmups);
    settings.put("measurement_iterations_1s", iterations);
    settings.put("threads", 1);
    results.put("profiles_per_second", Math.round(score.getScore()));
    results.put("error_99_9", Math.round(score.getScoreError()));
    results.put("ns_per_profile", Results.round(1e9 / score.getScore()));
    results.put("ns_per_rule", Results.round(1e9 / score.getScore() / 50));
    results.put("profiles_per_cpu_second", Math.round(perCpuSecond));
    results.put("bytes_allocated_per_profile", alloc == null ? null : Results.round(alloc.getScore()));
    results.put("segments_matched_per_profile", Results.round2(matches[0]));
    results.put("profiles_matching_any", Results.round3(matches[1]));
    ArrayNode perIteration = results.putArray("profiles_per_second_by_iteration");
    for (BenchmarkResult fork : run.getBenchmarkResults()) {
      for (IterationResult iteration : fork.getIterationResults()) {
        perIteration.add(Math.round(iteration.getPrimaryResult().getScore()));
      }
    }
    Path file = Results.write(Repo.root(), "segment-rules", results);

    System.out.printf("%nprofiles against 50 segments (domain only, 1 thread): %,d /s (± %,d, 99.9%%)%n",
        Math.round(score.getScore()), Math.round(score.getScoreError()));
    System.out.printf("  %.0f ns a profile, %.1f ns a rule, %s bytes allocated a profile%n", 1e9 / score.getScore(),
        1e9 / score.getScore() / 50, alloc == null ? "?" : String.format("%.1f", alloc.getScore()));
    System.out.printf("  %,d profiles per second of this thread's CPU time (plain loop, after JMH)%n",
        Math.round(perCpuSecond));
    System.out.printf("  %.2f of 50 segments matched a profile on average; %.1f%% of profiles matched one or more%n",
        matches[0], matches[1] * 100);
    System.out.println("results: " + file);
  }

  /**
   * The same work in a plain loop, timed by the thread's CPU time rather than the wall clock: on a shared machine
   * JMH's figure falls when other processes take the cores, this one much less. 2 s warm-up, then 3 s.
   */
  private static double perCpuSecond() {
    SegmentRulesBenchmark bench = new SegmentRulesBenchmark();
    bench.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int sink = 0;
    long profiles = 0;
    long start = 0;
    long warmUpEnd = System.nanoTime() + 2_000_000_000L;
    for (boolean measuring = false; ; ) {
      for (int i = 0; i < 1_000; i++) sink += bench.profileAgainst50Segments();
      if (measuring) {
        profiles += 1_000;
        if (threads.getCurrentThreadCpuTime() - start >= 3_000_000_000L) break;
      } else if (System.nanoTime() >= warmUpEnd) {
        measuring = true;
        start = threads.getCurrentThreadCpuTime();
      }
    }
    if (sink == 42) System.out.print("");
    return profiles / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
  }

  /** Segments matched per profile, on average, and the share of profiles matching at least one. */
  private static double[] matchRate() {
    List<SegmentRule> rules = SegmentRuleSamples.rules();
    Customer[] customers = SegmentRuleSamples.customers(SegmentRulesBenchmark.POOL);
    long matched = 0;
    int any = 0;
    for (Customer customer : customers) {
      int n = 0;
      for (SegmentRule rule : rules) n += rule.matches(customer, SegmentRuleSamples.NOW) ? 1 : 0;
      matched += n;
      any += n > 0 ? 1 : 0;
    }
    return new double[] {(double) matched / customers.length, (double) any / customers.length};
  }
}
