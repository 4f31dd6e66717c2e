package herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS SDK call made in this JVM (the sender's own clients included) by the thread that makes it:
 * a global interceptor, installed only when bench/src/main/sdk-hooks is on the classpath (bench/run.sh puts it
 * there for sender-throughput, fanout and codes only; the other benches and the probes never load it). A call lasts from
 * beforeExecution to afterExecution or onExecutionFailure: marshalling, signing, the HTTP round trip and
 * unmarshalling; a call that failed (a conditional write lost, say) has " (failed)" after its key. Each call is
 * kept as an interval, so a window can take exactly the part of each call inside it
 * (a long poll that began before the window counts only from the window's start).
 */
public final class SdkCallTimer implements ExecutionInterceptor {
  /** One call: the thread group (its name up to the last '-'), "Service.Operation [table]", System.nanoTime()s. */
  record Call(String group, String key, long start, long end) {}

  private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("herald.bench.start");
  private static final List<Call> CALLS = new ArrayList<>();
  private static volatile Map<String, String> tables = Map.of();
  private static volatile boolean installed;

  public SdkCallTimer() {
    installed = true;
  }

  /** Whether the SDK found this interceptor (it is created with the first client). */
  static boolean installed() {
    return installed;
  }

  /** Table name to the short label used in keys. */
  static void tableLabels(Map<String, String> labels) {
    tables = Map.copyOf(labels);
  }

  /** The calls of a thread group within [from, to] (System.nanoTime()), clipped to it: key to {nanos, calls}. */
  static Map<String, long[]> within(String group, long from, long to) {
    Map<String, long[]> sums = new TreeMap<>();
    synchronized (CALLS) {
      for (Call c : CALLS) {
        if (!c.group().equals(group) || c.end() <= from || c.start() >= to) continue;
        long[] n = sums.computeIfAbsent(c.key(), k -> new long[2]);
        n[0] += Math.min(c.end(), to) - Math.max(c.start(), from);
        n[1]++;
      }
    }
    return sums;
  }

  /** How many calls of {@code key}, from any thread, ended within [from, to] (System.nanoTime()). */
  static long count(String key, long from, long to) {
    synchronized (CALLS) {
      return CALLS.stream().filter(c -> c.key().equals(key) && c.end() >= from && c.end() <= to).count();
    }
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(START, System.nanoTime());
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    record(context.request(), context.response(), attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    record(context.request(), null, attributes);
  }

  private static void record(SdkRequest request, SdkResponse response, ExecutionAttributes attributes) {
    Long start = attributes.getAttribute(START);
    if (start == null) return;
    long end = System.nanoTime();
    String thread = Thread.currentThread().getName();
    int dash = thread.lastIndexOf('-');
    String group = dash > 0 ? thread.substring(0, dash) : thread;
    String table = request.getValueForField("TableName", String.class)
        .map(t -> " " + tables.getOrDefault(t, t)).orElse("");
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String suffix = response == null ? " (failed)" : "";
    if ("ReceiveMessage".equals(operation) && response != null
        && response.getValueForField("Messages", List.class).map(List::isEmpty).orElse(true)) {
      suffix = " (empty)";
    }
    String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + operation + table + suffix;
    Call call = new Call(group, key, start, end);
    synchronized (CALLS) {
      CALLS.add(call);
    }
  }
}
