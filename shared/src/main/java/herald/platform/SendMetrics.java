package herald.platform;

import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sender's metrics over one batch, one line per channel type (dimension {@code Channel}): {@code Sent},
 * {@code Failed} and {@code Skipped} (Count), and {@code EventToSendLatency} (Milliseconds, one value per message
 * sent: from the trigger event's {@code created_at}, or a manual send's start, to the send). A job that comes back
 * later or was claimed by another delivery counts nowhere yet.
 */
public final class SendMetrics {
  private final Metrics metrics;
  private final Map<String, long[]> counts = new TreeMap<>();
  private final Map<String, List<Double>> latencies = new TreeMap<>();

  SendMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  /** Counts the outcome; answers its name for the log ({@code ALREADY_CLAIMED} when there is none). */
  public String add(SendJob job, Optional<MessageStatus> outcome) {
    if (outcome.isEmpty()) return "ALREADY_CLAIMED";
    MessageStatus status = outcome.get();
    count(job, status);
    return status.name();
  }

  private void count(SendJob job, MessageStatus status) {
    int index = switch (status) {
      case SENT -> 0;
      case FAILED -> 1;
      case SKIPPED -> 2;
      default -> -1;
    };
    if (index < 0) return;
    counts.computeIfAbsent(job.channel(), c -> new long[3])[index]++;
    if (index == 0) {
      long millis = Math.max(0, Duration.between(job.event().createdAt(), metrics.clock().instant()).toMillis());
      latencies.computeIfAbsent(job.channel(), c -> new ArrayList<>()).add((double) millis);
    }
  }

  public void print() {
    counts.forEach((channel, c) -> {
      MetricLine line = metrics.line().dimension("Channel", channel)
          .metric("Sent", MetricLine.Unit.COUNT, c[0])
          .metric("Failed", MetricLine.Unit.COUNT, c[1])
          .metric("Skipped", MetricLine.Unit.COUNT, c[2]);
      List<Double> latency = latencies.get(channel);
      if (latency != null) line.metric("EventToSendLatency", MetricLine.Unit.MILLISECONDS, latency);
      line.print(metrics.clock().instant());
    });
  }
}
