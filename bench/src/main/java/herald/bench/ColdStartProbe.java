package herald.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The child JVM of {@link ColdStartBench}: {@code ColdStartProbe <handlerClass> <eventFile>}. Builds the handler
 * with its public no-arg constructor (so {@code Env.system()} reads the process environment, as on Lambda),
 * reads the sample event into the handler's input type, handles it once and prints one {@code COLDSTART} line.
 * Needs only the function's shaded jar: Jackson and the Lambda event classes come from it, and the probe names no
 * other class of it (the Lambda interfaces and response types are found by name: a minimized jar has only what
 * its function uses). With a third argument {@code --prime}, it then runs the SnapStart priming registered while
 * the handler was built, as Lambda does before a snapshot, and adds {@code "primed"} (how many ran) to the line,
 * or fails if one did not.
 */
public final class ColdStartProbe {
  private static final String HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
  private static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
  private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getConstructor().newInstance();
    long t1 = System.nanoTime();
    byte[] payload = Files.readAllBytes(Path.of(args[1]));
    boolean stream = implementsNamed(type, STREAM_HANDLER);
    Object input = stream ? null : read(payload, inputType(type));
    long t2 = System.nanoTime();
    String outcome = invoke(handler, stream, input, payload);
    long t3 = System.nanoTime();
    long handledAt = System.currentTimeMillis();
    // read last: the management classes load only after everything measured is done
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    double toMain = mainAt - jvmStart;
    double constructor = ms(t1 - t0);
    String primed = args.length > 2 && args[2].equals("--prime") ? ",\"primed\":" + prime() : "";
    System.out.println(String.format(Locale.ROOT, "COLDSTART {\"jvm_start\":%d,\"handled_at\":%d,"
            + "\"to_main_ms\":%.1f,\"constructor_ms\":%.1f,\"init_ms\":%.1f,\"event_ms\":%.1f,\"invoke_ms\":%.1f,"
            + "\"total_ms\":%d,\"cpu_ms\":%.0f,\"outcome\":\"%s\"%s}",
        jvmStart, handledAt, toMain, constructor, toMain + constructor, ms(t2 - t1), ms(t3 - t2),
        handledAt - jvmStart, ms(cpuNanos), outcome, primed));
    System.out.flush();
    System.exit(0); // do not wait for the SDK's idle threads
  }

  private static boolean implementsNamed(Class<?> type, String name) {
    for (Class<?> i : type.getInterfaces()) if (i.getName().equals(name)) return true;
    return false;
  }

  /**
   * What a SnapStart snapshot runs: each CRaC resource {@code herald.platform.Priming} registered, in order. A
   * priming that throws is logged by Priming as {@code priming_failed} (stdout, caught here); an Error (a class
   * missing from the jar) escapes and fails the probe.
   */
  private static int prime() throws Exception {
    Field keep = Class.forName("herald.platform.Priming").getDeclaredField("KEEP");
    keep.setAccessible(true);
    List<?> resources = List.copyOf((List<?>) keep.get(null));
    Class<?> context = Class.forName("org.crac.Context");
    PrintStream out = System.out;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      Method before = Class.forName("org.crac.Resource").getMethod("beforeCheckpoint", context);
      for (Object resource : resources) call(before, resource, (Object) null);
    } finally {
      System.setOut(out);
    }
    String text = log.toString(StandardCharsets.UTF_8);
    out.print(text);
    if (text.contains("priming_failed")) throw new IllegalStateException("priming failed:\n" + text);
    return resources.size();
  }

  /** The I of RequestHandler&lt;I, O&gt;, as Lambda's runtime finds it to deserialise the payload. */
  private static Class<?> inputType(Class<?> type) {
    for (Type t : type.getGenericInterfaces()) {
      if (t instanceof ParameterizedType p && ((Class<?>) p.getRawType()).getName().equals(HANDLER)) {
        return (Class<?>) p.getActualTypeArguments()[0];
      }
    }
    throw new IllegalArgumentException(type + " does not implement RequestHandler<I, O> directly");
  }

  /** Case-insensitive, so "Records" and "eventSourceARN" land on the events library's setters. */
  private static Object read(byte[] payload, Class<?> inputType) throws Exception {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    return mapper.readValue(payload, inputType);
  }

  private static String invoke(Object handler, boolean stream, Object input, byte[] payload) throws Exception {
    Class<?> context = Class.forName(CONTEXT, false, handler.getClass().getClassLoader());
    if (stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Method handle = handler.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class, context);
      call(handle, handler, new ByteArrayInputStream(payload), out, null);
      return "bytes_out=" + out.size();
    }
    Method handle = handler.getClass().getMethod("handleRequest", input.getClass(), context);
    Object result = call(handle, handler, input, null);
    String type = result == null ? "" : result.getClass().getSimpleName();
    if (type.equals("APIGatewayV2HTTPResponse")) {
      return "status=" + result.getClass().getMethod("getStatusCode").invoke(result);
    }
    if (type.equals("SQSBatchResponse")) {
      List<?> failures = (List<?>) result.getClass().getMethod("getBatchItemFailures").invoke(result);
      return "batch_item_failures=" + failures.size();
    }
    return String.valueOf(result);
  }

  /** The handler's own exception, not the reflection's wrapper. */
  private static Object call(Method method, Object target, Object... args) throws Exception {
    try {
      return method.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) throw cause;
      if (e.getCause() instanceof Error error) throw error;
      throw e;
    }
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
