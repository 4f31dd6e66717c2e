package herald.bench;

import static herald.bench.Results.round2;
import static herald.bench.Results.round3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The timed runs of one path, summed over the rounds. */
final class Tally {
  /** One timed run: its messages, wall time, per-message latencies, CPU and SDK calls (op to {nanos, calls}). */
  record Window(int messages, double seconds, double enqueueSeconds, double claimSpanSeconds,
      List<Double> latencyMs, Cpu cpu, Map<String, long[]> calls) {}

  private final List<Window> windows = new ArrayList<>();
  private int messages;
  private double seconds;

  void add(Window w) {
    windows.add(w);
    messages += w.messages();
    seconds += w.seconds();
  }

  double msgsPerSecond() {
    return messages / seconds;
  }

  void write(ObjectNode node, int threads, String latencyName) {
    node.put("messages", messages);
    node.put("seconds", round3(seconds));
    node.put("msgs_per_second", Results.round(messages / seconds));
    var rounds = node.putArray("rounds_msgs_per_second");
    windows.forEach(w -> rounds.add(Results.round(w.messages() / w.seconds())));
    var jit = node.putArray("rounds_jit_compiling_seconds");
    windows.forEach(w -> jit.add(round3(w.cpu().jitSeconds())));
    if (windows.get(0).claimSpanSeconds() > 0) {
      node.put("enqueue_seconds", round3(windows.stream().mapToDouble(Window::enqueueSeconds).sum()));
      node.put("first_claim_to_last_sent_seconds",
          round3(windows.stream().mapToDouble(Window::claimSpanSeconds).sum()));
    }
    Quantiles latency = new Quantiles(windows.stream().flatMap(w -> w.latencyMs().stream()).toList());
    ObjectNode l = node.putObject(latencyName);
    l.put("p50", Results.round(latency.median()));
    l.put("p90", Results.round(latency.quantile(0.9)));
    l.put("p99", Results.round(latency.quantile(0.99)));
    l.put("mean", Results.round(latency.mean()));

    // where each worker thread's time went, per message
    Map<String, long[]> calls = new TreeMap<>();
    windows.forEach(w -> w.calls().forEach((op, n) ->
        calls.merge(op, n.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})));
    double threadMs = threads * seconds * 1000 / messages;
    ObjectNode per = node.putObject("thread_ms_per_message");
    per.put("total", round2(threadMs));
    double inCalls = 0;
    ObjectNode ops = per.putObject("calls");
    for (var e : calls.entrySet()) {
      double ms = e.getValue()[0] / 1e6 / messages;
      inCalls += ms;
      ObjectNode o = ops.putObject(e.getKey());
      o.put("per_message", round2((double) e.getValue()[1] / messages));
      o.put("ms", round2(ms));
      o.put("mean_ms", round2(e.getValue()[0] / 1e6 / e.getValue()[1]));
    }
    if (!calls.isEmpty()) {
      per.put("in_calls", round2(inCalls));
      per.put("outside_calls", round2(threadMs - inCalls));
    }
    Cpu cpu = windows.stream().map(Window::cpu).reduce(Cpu.ZERO, Cpu::plus);
    cpu.write(node.putObject("cpu_seconds"));
  }
}
