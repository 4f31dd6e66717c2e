package herald.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The child JVM of {@link ColdStartBench}: {@code ColdStartProbe <handlerClass> <eventFile>}. Builds the handler
 * with its public no-arg constructor (so {@code Env.system()} reads the process environment, as on Lambda),
 * reads the sample event into the handler's input type, handles it once and prints one {@code COLDSTART} line.
 * Needs only the function's shaded jar: Jackson and the Lambda event classes come from it.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getConstructor().newInstance();
    long t1 = System.nanoTime();
    byte[] payload = Files.readAllBytes(Path.of(args[1]));
    Object input = handler instanceof RequestStreamHandler ? null : read(payload, inputType(type));
    long t2 = System.nanoTime();
    String outcome = invoke(handler, input, payload);
    long t3 = System.nanoTime();
    long handledAt = System.currentTimeMillis();
    // read last: the management classes load only after everything measured is done
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    double toMain = mainAt - jvmStart;
    double constructor = ms(t1 - t0);
    System.out.println(String.format(Locale.ROOT, "COLDSTART {\"jvm_start\":%d,\"handled_at\":%d,"
            + "\"to_main_ms\":%.1f,\"constructor_ms\":%.1f,\"init_ms\":%.1f,\"event_ms\":%.1f,\"invoke_ms\":%.1f,"
            + "\"total_ms\":%d,\"cpu_ms\":%.0f,\"outcome\":\"%s\"}",
        jvmStart, handledAt, toMain, constructor, toMain + constructor, ms(t2 - t1), ms(t3 - t2),
        handledAt - jvmStart, ms(cpuNanos), outcome));
    System.out.flush();
    System.exit(0); // do not wait for the SDK's idle threads
  }

  /** The I of RequestHandler&lt;I, O&gt;, as Lambda's runtime finds it to deserialise the payload. */
  private static Class<?> inputType(Class<?> type) {
    for (Type t : type.getGenericInterfaces()) {
      if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
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

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String invoke(Object handler, Object input, byte[] payload) throws Exception {
    if (handler instanceof RequestStreamHandler stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.handleRequest(new ByteArrayInputStream(payload), out, null);
      return "bytes_out=" + out.size();
    }
    Object result = ((RequestHandler) handler).handleRequest(input, null);
    if (result instanceof APIGatewayV2HTTPResponse r) return "status=" + r.getStatusCode();
    if (result instanceof SQSBatchResponse r) return "batch_item_failures=" + r.getBatchItemFailures().size();
    return String.valueOf(result);
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }
}
