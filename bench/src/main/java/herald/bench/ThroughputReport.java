package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The sender throughput bench's results: a channel's figures in the JSON, and the tables on the console. */
final class ThroughputReport {
  private ThroughputReport() {}

  /** Both paths' rates, their ratio, and each path's tally. */
  static void channel(ObjectNode node, Tally sender, Tally raw, int threads) {
    double senderRate = sender.msgsPerSecond();
    double rawRate = raw.msgsPerSecond();
    node.put("sender_msgs_per_second", Results.round(senderRate));
    node.put("raw_msgs_per_second", Results.round(rawRate));
    node.put("ratio_sender_to_raw", Math.round(senderRate / rawRate * 100) / 100.0);
    sender.write(node.putObject("sender"), threads, "claim_to_sent_ms");
    raw.write(node.putObject("raw"), threads, "per_message_ms");
  }

  static void print(ObjectNode results, PrintStream out) {
    out.printf("%nSender throughput on the local runtime: %d messages per channel in %d rounds, %d threads%n",
        results.path("messages_per_channel").asInt(), results.path("rounds").asInt(), results.path("threads").asInt());
    out.printf("%-9s %13s %13s %7s %14s %14s%n", "channel", "sender msg/s", "raw msg/s", "ratio",
        "sender rounds", "raw rounds");
    results.path("channels").fields().forEachRemaining(e -> {
      JsonNode c = e.getValue();
      out.printf("%-9s %13.1f %13.1f %7.2f %14s %14s%n", e.getKey(), c.path("sender_msgs_per_second").asDouble(),
          c.path("raw_msgs_per_second").asDouble(), c.path("ratio_sender_to_raw").asDouble(),
          rounds(c.path("sender")), rounds(c.path("raw")));
    });
    results.path("channels").fields().forEachRemaining(e -> {
      JsonNode sender = e.getValue().path("sender");
      JsonNode raw = e.getValue().path("raw");
      out.printf("%n%s: worker thread ms per message (sender | raw)%n", e.getKey());
      out.printf("  %-34s %6s %6s | %6s %6s%n", "", "calls", "ms", "calls", "ms");
      Set<String> ops = new TreeSet<>();
      sender.path("thread_ms_per_message").path("calls").fieldNames().forEachRemaining(ops::add);
      raw.path("thread_ms_per_message").path("calls").fieldNames().forEachRemaining(ops::add);
      for (String op : ops) {
        JsonNode s = sender.path("thread_ms_per_message").path("calls").path(op);
        JsonNode r = raw.path("thread_ms_per_message").path("calls").path(op);
        out.printf("  %-34s %6.2f %6.2f | %6.2f %6.2f%n", op, s.path("per_message").asDouble(), s.path("ms").asDouble(),
            r.path("per_message").asDouble(), r.path("ms").asDouble());
      }
      for (String part : List.of("in_calls", "outside_calls", "total")) {
        out.printf("  %-34s %6s %6.2f | %6s %6.2f%n", part, "", sender.path("thread_ms_per_message").path(part)
            .asDouble(), "", raw.path("thread_ms_per_message").path(part).asDouble());
      }
      out.printf("  CPU s: worker threads %.2f | %.2f, rest of JVM %.2f | %.2f, dynalite %.2f | %.2f, "
          + "SES %.2f | %.2f%n",
          cpu(sender, "worker_threads"), cpu(raw, "worker_threads"), cpu(sender, "rest_of_jvm"),
          cpu(raw, "rest_of_jvm"), cpu(sender, "dynalite"), cpu(raw, "dynalite"), cpu(sender, "ses_stand_in"),
          cpu(raw, "ses_stand_in"));
    });
  }

  private static String rounds(JsonNode path) {
    List<String> values = new ArrayList<>();
    path.path("rounds_msgs_per_second").forEach(v -> values.add(String.format("%.0f", v.asDouble())));
    return String.join("/", values);
  }

  private static double cpu(JsonNode path, String name) {
    return path.path("cpu_seconds").path(name).asDouble();
  }
}
