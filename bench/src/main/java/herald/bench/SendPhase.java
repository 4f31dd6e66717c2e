package herald.bench;

import static herald.bench.Results.round;
import static herald.bench.Results.round2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The send phase, modelled: the sender handles a batch's messages one after another, so one invocation sends a
 * message every (its calls per message, counted by the cost bench in flow 4, times their added latency, plus its
 * handler time per message measured there, stand-ins included); SenderMaxConcurrency invocations give the most the
 * sender can send a second. Sending is bounded by SES's rate while that rate is below it.
 */
final class SendPhase {
  static final int[] SES_RATES = {14, 100, 500, 1000};

  private SendPhase() {}

  static void write(ObjectNode node, Path root, int senderConcurrency, double dynamoMs, double sqsMs, double sesMs,
      PrintStream out) throws IOException {
    JsonNode flow = Results.JSON.readTree(root.resolve("bench/results/cost.json").toFile())
        .path("flows").path("segment_email");
    double ms = flow.path("lambda_per_message").path("SenderFunction").path("handler_ms").asDouble();
    double handlerMs = ms;
    var calls = flow.path("calls_per_message").fields();
    while (calls.hasNext()) {
      var call = calls.next();
      String service = call.getKey().substring(0, call.getKey().indexOf('.'));
      double latency = switch (service) {
        case "DynamoDb" -> dynamoMs;
        case "Sqs" -> sqsMs;
        case "SesV2" -> sesMs;
        default -> 0;
      };
      ms += call.getValue().asDouble() * latency;
    }
    double capacity = senderConcurrency * 1000 / ms;
    node.put("source", "bench/results/cost.json, flow segment_email (calls and sender handler time per message)");
    node.put("sender_handler_ms_per_message_measured", round2(handlerMs));
    node.put("ms_per_message_per_invocation", round2(ms));
    node.put("sender_concurrency", senderConcurrency);
    node.put("sender_capacity_per_second", round(capacity));
    ObjectNode hours = node.putObject("hours_to_send_1m_by_ses_rate");
    out.printf("%nsend phase: %.1f ms a message per sender invocation (%.1f ms of it the handler as measured), "
        + "x %d invocations: at most %.0f messages/s%n", ms, handlerMs, senderConcurrency, capacity);
    for (int rate : SES_RATES) {
      double perSecond = Math.min(rate, capacity);
      hours.put(Integer.toString(rate), round2(1_000_000 / perSecond / 3600));
      out.printf("  SES rate %,5d/s: 1,000,000 emails in %.1f h (%s)%n", rate, 1_000_000 / perSecond / 3600,
          rate <= capacity ? "bounded by SES" : "bounded by the sender's concurrency");
    }
  }
}
