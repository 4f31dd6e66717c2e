package herald.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

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
