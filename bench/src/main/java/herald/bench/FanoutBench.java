package herald.bench;

import static herald.bench.Results.round;
import static herald.bench.Results.round2;
import static herald.bench.Results.round3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.fanout.FanOut;
import herald.platform.Env;
import herald.testing.StandIns;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Fan-out rate: send jobs queued per second for a segment of N members (default 100,000), against the raw
 * SendMessageBatch rate of the same message bodies measured in the same run, on the stand-ins (dynalite and
 * ElasticMQ, {@link StandIns}). {@link FanoutSetup} seeds the members; {@link FanoutPaths} times both paths. A
 * warm-up of one whole pass through each, then rounds that alternate which path goes first; each path's rate is its
 * messages over the sum of its rounds' times.
 *
 * <p>{@code FanoutBench [members] [rounds] [threads]}; writes bench/results/fanout.json. With {@link SdkCallTimer}
 * on the classpath (bench/run.sh), every SDK call is timed, so each path's time splits into calls and the rest.
 */
public final class FanoutBench {
  private static PrintStream OUT = System.out;

  private FanoutBench() {}

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path root = Repo.root();
    OUT = Results.logsToFile(root, "fanout");
    ObjectNode results = Results.start("fanout");
    Env env = StandIns.get().freshEnv();
    FanoutSetup setup = FanoutSetup.prepare(env, members);
    int shards = setup.segment().shards();
    double bodyBytes = setup.bodies().stream().mapToInt(String::length).average().orElse(0);
    OUT.printf("%d members in %d shards seeded in %.1f s (BatchWriteItem); send job body %.0f bytes; %d threads; "
        + "SDK calls timed: %s%n", members, shards, setup.seedSeconds(), bodyBytes, threads, SdkCallTimer.installed());
    results.put("members", members);
    results.put("shards", shards);
    results.put("rounds", rounds);
    results.put("threads", threads);
    results.put("page_size", FanOut.Limits.DEFAULT.pageSize());
    results.put("pages_per_run", FanOut.Limits.DEFAULT.pagesPerRun());
    results.put("send_job_body_bytes", round(bodyBytes));
    results.put("seed_seconds", round3(setup.seedSeconds()));
    results.put("sdk_calls_timed", SdkCallTimer.installed());

    FanoutPaths paths = new FanoutPaths(setup, threads);
    List<Integer> all = IntStream.range(0, shards).boxed().toList();
    FanoutPaths.Window warmFanOut = paths.fanOut("warm", all);
    FanoutPaths.Window warmRaw = paths.raw("warm", setup.bodies());
    OUT.printf("warm-up: fan-out %.0f jobs/s, raw %.0f msgs/s (not counted)%n",
        warmFanOut.messages() / warmFanOut.seconds(), warmRaw.messages() / warmRaw.seconds());

    List<FanoutPaths.Window> fanOut = new ArrayList<>();
    List<FanoutPaths.Window> raw = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int step = 0; step < 2; step++) {
        if ((step == 0) == (r % 2 == 0)) {
          FanoutPaths.Window w = paths.fanOut("r" + r, all);
          fanOut.add(w);
          OUT.printf("round %d: fan-out %d send jobs in %.2f s (%d runs): %.0f jobs/s%n", r, w.messages(),
              w.seconds(), w.runs(), w.messages() / w.seconds());
        } else {
          FanoutPaths.Window w = paths.raw("r" + r, setup.bodies());
          raw.add(w);
          OUT.printf("round %d: raw     %d messages in %.2f s: %.0f msgs/s%n", r, w.messages(), w.seconds(),
              w.messages() / w.seconds());
        }
      }
    }
    double fanRate = rate(fanOut);
    double rawRate = rate(raw);
    results.put("fanout_jobs_per_second", round(fanRate));
    results.put("raw_msgs_per_second", round(rawRate));
    results.put("ratio_fanout_to_raw", round2(fanRate / rawRate));
    path(results.putObject("fanout"), fanOut, threads);
    path(results.putObject("raw"), raw, threads);
    OUT.printf("%nfan-out %.0f send jobs/s, raw SendMessageBatch %.0f msgs/s: ratio %.2f%n", fanRate, rawRate,
        fanRate / rawRate);
    OUT.println("results: " + Results.write(root, "fanout", results));
    System.exit(0);   // the stand-ins' processes and ElasticMQ's threads
  }

  private static double rate(List<FanoutPaths.Window> windows) {
    return windows.stream().mapToLong(FanoutPaths.Window::messages).sum()
        / windows.stream().mapToDouble(FanoutPaths.Window::seconds).sum();
  }

  /** Totals, rounds, and each worker thread's time per 1,000 messages: SDK calls by operation and the rest. */
  private static void path(ObjectNode node, List<FanoutPaths.Window> windows, int threads) {
    long messages = windows.stream().mapToLong(FanoutPaths.Window::messages).sum();
    double seconds = windows.stream().mapToDouble(FanoutPaths.Window::seconds).sum();
    node.put("messages", messages);
    node.put("seconds", round3(seconds));
    node.put("msgs_per_second", round(messages / seconds));
    var rounds = node.putArray("rounds_msgs_per_second");
    windows.forEach(w -> rounds.add(round(w.messages() / w.seconds())));
    var runs = node.putArray("rounds_fanout_runs");
    windows.forEach(w -> runs.add(w.runs()));
    Map<String, long[]> calls = new TreeMap<>();
    windows.forEach(w -> w.calls().forEach((op, n) ->
        calls.merge(op, n.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})));
    double threadMs = threads * seconds * 1000 / messages * 1000;
    ObjectNode per = node.putObject("thread_ms_per_1000_messages");
    per.put("total", round2(threadMs));
    double inCalls = 0;
    for (var e : calls.entrySet()) {
      double ms = e.getValue()[0] / 1e6 / messages * 1000;
      inCalls += ms;
      ObjectNode o = per.putObject(e.getKey());
      o.put("calls", round2((double) e.getValue()[1] / messages * 1000));
      o.put("ms", round2(ms));
      o.put("mean_ms", round2(e.getValue()[0] / 1e6 / e.getValue()[1]));
    }
    if (!calls.isEmpty()) per.put("outside_calls", round2(threadMs - inCalls));
    windows.stream().map(FanoutPaths.Window::cpu).reduce(Cpu.ZERO, Cpu::plus).write(node.putObject("cpu_seconds"));
  }
}
