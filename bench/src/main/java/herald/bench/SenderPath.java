package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SqsSendQueue;
import herald.domain.customers.Customer;
import herald.domain.delivery.SendJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sender path: send jobs put straight on the send queue with {@link SqsSendQueue}, as the trigger does, and the
 * runtime's SQS pollers handing the batches to SenderFunction as Lambda would.
 */
final class SenderPath {
  private static final long POLL_MS = 250;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final String POLLERS = ThroughputSetup.SENDER + "-sqs";

  private final HeraldClient api;
  private final SqsSendQueue queue;
  private final WebhookReceiver receiver;

  SenderPath(HeraldClient api, SqsSendQueue queue, WebhookReceiver receiver) {
    this.api = api;
    this.queue = queue;
    this.receiver = receiver;
  }

  /**
   * Puts one job per customer on the send queue and waits until the distribution's summary shows them all SENT.
   * The time is from the first SendMessageBatch to the last message's updated_at (its SENT write).
   */
  Tally.Window run(String distribution, String channel, List<Customer> customers) throws Exception {
    List<SendJob> jobs = ThroughputSetup.jobs(distribution, channel, customers);
    int hooksBefore = receiver.requests();
    int keysBefore = receiver.distinctKeys();
    Cpu cpuBefore = Cpu.now(POLLERS + "-");
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    queue.send(jobs);
    double enqueueSeconds = (System.nanoTime() - start) / 1e9;
    long deadline = start + TIMEOUT.toNanos();
    while (true) {
      JsonNode totals = api.summary(distribution).path("totals");
      if (totals.path("SENT").asInt() == jobs.size()) break;
      for (String bad : List.of("FAILED", "SKIPPED")) {
        if (totals.path(bad).asInt() > 0) throw new IllegalStateException(distribution + ": " + totals);
      }
      if (System.nanoTime() > deadline) throw new IllegalStateException(distribution + ": only " + totals);
      Thread.sleep(POLL_MS);
    }
    Cpu cpu = Cpu.now(POLLERS + "-").minus(cpuBefore);
    List<JsonNode> listed = api.messages(distribution);
    if (listed.size() != jobs.size()) throw new IllegalStateException(listed.size() + " messages listed");
    Instant firstClaim = null;
    Instant lastSent = null;
    List<Double> claimToSent = new ArrayList<>();
    for (JsonNode m : listed) {
      if (!"SENT".equals(m.path("status").asText())) throw new IllegalStateException("not SENT: " + m);
      Instant claimed = Instant.parse(m.path("created_at").asText());
      Instant sent = Instant.parse(m.path("updated_at").asText());
      if (firstClaim == null || claimed.isBefore(firstClaim)) firstClaim = claimed;
      if (lastSent == null || sent.isAfter(lastSent)) lastSent = sent;
      claimToSent.add(Duration.between(claimed, sent).toNanos() / 1e6);
    }
    if (channel.equals("webhook") && (receiver.requests() - hooksBefore != jobs.size()
        || receiver.distinctKeys() - keysBefore != jobs.size())) {
      throw new IllegalStateException("the receiver saw " + (receiver.requests() - hooksBefore) + " posts with "
          + (receiver.distinctKeys() - keysBefore) + " distinct keys for " + jobs.size() + " messages");
    }
    long end = start + Duration.between(startedAt, lastSent).toNanos();
    Map<String, long[]> calls = SdkCallTimer.within(POLLERS, start, end);
    return new Tally.Window(jobs.size(), Duration.between(startedAt, lastSent).toNanos() / 1e9, enqueueSeconds,
        Duration.between(firstClaim, lastSent).toNanos() / 1e9, claimToSent, cpu, calls);
  }
}
