package herald.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One JSON line per event on stdout (CloudWatch Logs in Lambda). Callers pass ids, never a full
 * email address or phone number.
 */
public final class Log {
  private Log() {}

  public static void info(String event, String... keyValues) {
    System.out.println(line("INFO", event, null, keyValues));
  }

  public static void error(String event, Throwable error, String... keyValues) {
    System.out.println(line("ERROR", event, error, keyValues));
  }

  /** Key-value pairs for {@link #info}: the ones given (a null value leaves its key out), then {@code more}. */
  public static String[] fields(Map<String, String> more, String... keyValues) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) Collections.addAll(fields, keyValues[i], keyValues[i + 1]);
    }
    more.forEach((key, value) -> Collections.addAll(fields, key, value));
    return fields.toArray(String[]::new);
  }

  static String line(String level, String event, Throwable error, String... keyValues) {
    ObjectNode node = Json.object();
    node.put("time", Instant.now().toString());
    node.put("level", level);
    node.put("event", event);
    for (int i = 0; i + 1 < keyValues.length; i += 2) node.put(keyValues[i], keyValues[i + 1]);
    if (error != null) {
      node.put("error", error.getClass().getSimpleName());
      node.put("error_message", redact(String.valueOf(error.getMessage())));
    }
    return node.toString();
  }

  /** Masks what looks like an email address or a phone number. */
  static String redact(String text) {
    return text.replaceAll("[^\\s@<>\"']+@([^\\s@<>\"']+)", "***@$1").replaceAll("\\+?\\d[\\d ()-]{6,}\\d", "***");
  }
}
