package herald.bench;

import static herald.bench.Results.round3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time: of the named worker threads, of every other Java thread by group (its name without the trailing
 * number), of the whole JVM (the rest is JIT compilers, GC and the VM, whose threads Java does not list), and of
 * the Node stand-ins (dynalite, SES).
 */
record Cpu(double threads, double jvm, double dynalite, double ses, Map<String, Double> groups,
    double jitSeconds, double gcSeconds) {
  static final Cpu ZERO = new Cpu(0, 0, 0, 0, Map.of(), 0, 0);

  static Cpu now(String threadPrefix) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long threadNanos = 0;
    Map<String, Double> groups = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long nanos = Math.max(0, mx.getThreadCpuTime(t.threadId()));
      if (t.getName().startsWith(threadPrefix)) {
        threadNanos += nanos;
      } else {
        groups.merge(t.getName().replaceAll("[-#_ ]?\\d+$", ""), nanos / 1e9, Double::sum);
      }
    }
    double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    double[] node = new double[2];
    ProcessHandle.current().descendants().forEach(p -> {
      String cmd = p.info().commandLine().orElse("");
      double cpu = p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
      if (cmd.contains("dynalite")) node[0] += cpu;
      else if (cmd.contains("aws-ses-v2-local")) node[1] += cpu;
    });
    double jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3;
    double gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum() / 1e3;
    return new Cpu(threadNanos / 1e9, jvm, node[0], node[1], groups, jit, gc);
  }

  Cpu minus(Cpu before) {
    Map<String, Double> g = new TreeMap<>(groups);
    before.groups.forEach((k, v) -> g.computeIfPresent(k, (key, now) -> now - v));
    return new Cpu(threads - before.threads, jvm - before.jvm, dynalite - before.dynalite, ses - before.ses, g,
        jitSeconds - before.jitSeconds, gcSeconds - before.gcSeconds);
  }

  Cpu plus(Cpu other) {
    Map<String, Double> g = new TreeMap<>(groups);
    other.groups.forEach((k, v) -> g.merge(k, v, Double::sum));
    return new Cpu(threads + other.threads, jvm + other.jvm, dynalite + other.dynalite, ses + other.ses, g,
        jitSeconds + other.jitSeconds, gcSeconds + other.gcSeconds);
  }

  void write(ObjectNode node) {
    node.put("worker_threads", round3(threads));
    node.put("rest_of_jvm", round3(jvm - threads));
    double listed = 0;
    ObjectNode top = node.putObject("rest_of_jvm_by_thread");
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    for (Map.Entry<String, Double> e : sorted) {
      listed += e.getValue();
      if (e.getValue() >= 0.05) top.put(e.getKey(), round3(e.getValue()));
    }
    top.put("(jit, gc and vm threads)", round3(jvm - threads - listed));
    node.put("jit_compiling_seconds", round3(jitSeconds));
    node.put("gc_time_seconds", round3(gcSeconds));
    node.put("dynalite", round3(dynalite));
    node.put("ses_stand_in", round3(ses));
  }
}
