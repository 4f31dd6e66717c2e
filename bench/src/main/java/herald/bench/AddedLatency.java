package herald.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Adds an AWS-like network latency to every SDK call made in this JVM, per service (the calling thread sleeps just
 * before the request goes out), and times each call by "Service.Operation": a global interceptor, installed only
 * when bench/src/main/scale-hooks is on the classpath (bench/run.sh puts it there for the scale bench only). Off
 * until {@link #on} is called, so the bench seeds its data at the stand-ins' own speed.
 */
public final class AddedLatency implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("herald.bench.latency.start");
  private static final Map<String, Long> DELAY_MICROS = new ConcurrentHashMap<>();
  private static final Map<String, LongAdder[]> TIMES = new ConcurrentHashMap<>();
  private static volatile boolean on;
  private static volatile boolean installed;

  public AddedLatency() {
    installed = true;
  }

  /** Whether the SDK found this interceptor (it is created with the first client). */
  static boolean installed() {
    return installed;
  }

  /** The latency added to each call to {@code service} (the SDK's name: DynamoDb, Sqs, SesV2), in ms. */
  static void set(String service, double millis) {
    DELAY_MICROS.put(service, Math.round(millis * 1000));
  }

  static double millis(String service) {
    return DELAY_MICROS.getOrDefault(service, 0L) / 1000.0;
  }

  static void on(boolean added) {
    on = added;
  }

  /** Forgets the calls timed so far. */
  static void reset() {
    TIMES.clear();
  }

  /** The calls timed since the last reset: "Service.Operation" to {calls, nanos from start to answer}. */
  static Map<String, long[]> times() {
    Map<String, long[]> all = new TreeMap<>();
    TIMES.forEach((key, t) -> all.put(key, new long[] {t[0].sum(), t[1].sum()}));
    return all;
  }

  /** The mean time of a call to "Service.Operation" since the last reset, in ms (0 when none). */
  static double meanMillis(String key) {
    long[] t = times().get(key);
    return t == null || t[0] == 0 ? 0 : t[1] / 1e6 / t[0];
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(START, System.nanoTime());
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (!on) return;
    long micros = DELAY_MICROS.getOrDefault(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), 0L);
    if (micros <= 0) return;
    try {
      Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Long start = attributes.getAttribute(START);
    if (start == null) return;
    String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    LongAdder[] t = TIMES.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
    t[0].increment();
    t[1].add(System.nanoTime() - start);
  }
}
