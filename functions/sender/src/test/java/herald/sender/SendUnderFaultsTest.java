package herald.sender;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.domain.delivery.ReconcileStats;
import herald.testing.TestChannels;
import java.time.Clock;
import herald.domain.delivery.MessageStatus;
import herald.platform.Env;
import herald.testing.QueueOverride;
import herald.testing.SesStore;
import herald.testing.StandIns;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * 2,000 messages through the sender while the webhook endpoint answers 500 or 429 or hangs at random and the
 * stores fail at random points (before or after the write, sometimes crashing the whole invocation). Real
 * dynalite, ElasticMQ, SES stand-in and HTTP; the send queue and its DLQ (drained by the dead-letter logic) as
 * template.yaml has them (maxReceiveCount 12), with short visibility timeouts ({@link QueueOverride}). Afterwards every message has one terminal status, no email went out twice,
 * and the webhook receiver saw a message again only where the sender could not know it had arrived.
 * The seed is printed; {@code -Dherald.fault.seed=<seed>} replays its dice (not the threads' interleaving).
 * Stats counters are compared with the table and the difference printed: a fault between a status write and its
 * counter update loses a count. Then each distribution is recounted ({@link ReconcileStats}, as the DONE of a manual
 * send and the scheduled recount do), and the counters must equal the messages table exactly.
 */
class SendUnderFaultsTest {
  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(250);
  private static final Duration DEADLINE = Duration.ofMinutes(4);
  private static final int BACKOFF_CAP_SECONDS = 2;
  private static final Pattern ADDRESS = Pattern.compile("c\\d+-[0-9a-f]{8}@example\\.com");

  private final long seed = Long.getLong("herald.fault.seed", System.nanoTime());
  private final Faults faults = new Faults(seed, 0.03, 0.1);
  private Env env;
  private SqsClient sqs;
  private DynamoDbClient dynamo;

  private record Queues(String send, String dlq) {}

  private record Row(MessageStatus status, String reason) {}

  @Test
  void everyMessageEndsWithOneStatusAndNoReceiverSeesItTwice() throws Exception {
    env = StandIns.get().freshEnv(QueueOverride.QUICK_SEND_REDELIVERY);
    sqs = StandIns.sqs(env);
    dynamo = StandIns.dynamo(env);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Queues queues = new Queues(env.get("SEND_QUEUE_URL"), env.get("SEND_DLQ_URL"));
    FlakyWebhookReceiver receiver = new FlakyWebhookReceiver(FaultTestData.SECRET, seed, Duration.ofSeconds(1), 16);
    PrintStream out = System.out;
    List<String> unexpected = new ArrayList<>();
    String run;
    long started;
    FaultTestData data;
    try {
      data = new FaultTestData(env, receiver, tag, seed);
      new SqsSendQueue(sqs, queues.send()).send(data.jobs);
      FaultTestWiring wiring = new FaultTestWiring(env, faults, LEASE);
      SenderHandler handler = wiring.sender(receiver, queues.send(), CLIENT_TIMEOUT, BACKOFF_CAP_SECONDS);
      if (!Boolean.getBoolean("herald.fault.logs")) System.setOut(new PrintStream(OutputStream.nullOutputStream()));
      started = System.nanoTime();
      try (LambdaPoller senders = new LambdaPoller("sender", sqs, queues.send(), 4,
              event -> handler.handleRequest(event, null)).start();
          LambdaPoller deadLetters = new LambdaPoller("dead-letter", sqs, queues.dlq(), 1,
              wiring.deadLetters()).start()) {
        run = runUntilEveryMessageEnds(data, queues) + "; invocations " + senders.invocations() + " (crashed "
            + senders.crashes() + ", slowest " + senders.slowestMillis() + " ms), dead-letter invocations "
            + deadLetters.invocations() + "; longest claim held " + faults.longestHoldMillis.get() + " ms of a "
            + LEASE.toMillis() + " ms lease";
        unexpected.addAll(senders.unexpected);
        unexpected.addAll(deadLetters.unexpected);
      }
    } finally {
      System.setOut(out);
      faults.stop();   // in case a poller thread outlived its join
      receiver.close();   // lets the requests it took finish, so its counts are final
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, Row> rows = statuses();
    Map<String, Integer> emails = emailsByAddress(data.tag);
    out.println(summary(rows, receiver, emails, seconds, run));
    out.println("SendUnderFaultsTest stats: " + statsDrift(data, rows));
    reconcile();
    String reconciled = statsDrift(data, rows);
    out.println("SendUnderFaultsTest stats once reconciled: " + reconciled);
    try {
      assertThat(unexpected).as("pollers' own failures").isEmpty();
      verify(data, rows, receiver, emails);
      assertThat(reconciled).as("the summary, once reconciled, against the messages table")
          .isEqualTo("counters match the table");
    } catch (AssertionError e) {
      throw new AssertionError("fault test failed with seed " + seed + " (rerun: -Dherald.fault.seed=" + seed + "): "
          + e.getMessage(), e);
    }
  }

  private void verify(FaultTestData data, Map<String, Row> rows, FlakyWebhookReceiver receiver,
      Map<String, Integer> emails) {
    assertThat(rows.keySet()).as("one record per message, no other").isEqualTo(data.ids());
    assertThat(rows.values().stream().map(Row::status)
        .filter(Set.of(MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.SKIPPED)::contains).count())
        .as("SENT + FAILED + SKIPPED").isEqualTo(data.jobs.size());
    rows.forEach((id, row) -> {
      assertThat(row.status()).as("status of " + id)
          .isIn(MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.SKIPPED);
      if (row.status() != MessageStatus.SENT) assertThat(row.reason()).as("reason of " + id).isNotBlank();
    });
    assertThat(faults.overwritten).as("terminal statuses written over with another").isEmpty();
    assertThat(faults.sentAfterFinish).as("provider calls for messages already finished").isEmpty();
    assertThat(faults.leaseOverruns).as("claims held past their lease (the test's premise)").isEmpty();

    assertThat(receiver.refused).as("webhook requests refused: bad signature or wrong body").isEmpty();
    receiver.repeats.keySet().forEach(key -> assertThat(faults.inDoubt.contains(key) || faults.noAnswer.contains(key))
        .as("repeat of " + key + " after a definite answer (no fault in doubt, no timeout)").isTrue());
    data.webhooks.stream().filter(id -> rows.get(id).status() == MessageStatus.SENT)
        .forEach(id -> assertThat(receiver.processed).as("a SENT webhook was received").contains(id));
    data.down.forEach(id -> assertThat(rows.get(id).status()).as("webhook to a dead endpoint " + id)
        .isEqualTo(MessageStatus.FAILED));
    data.webhooks.forEach(id -> assertThat(rows.get(id).status()).as(id).isNotEqualTo(MessageStatus.SKIPPED));

    emails.forEach((address, n) -> assertThat(n).as("emails to " + address).isEqualTo(1));
    data.emailTo.forEach((id, address) -> {
      Row row = rows.get(id);
      int got = emails.getOrDefault(address, 0);
      if (data.revoked.contains(id)) {
        assertThat(row).as(id).isEqualTo(new Row(MessageStatus.SKIPPED, "no_consent"));
      } else if (row.status() == MessageStatus.SENT) {
        assertThat(got).as("SENT email " + id + " captured").isEqualTo(1);
      } else {
        assertThat(row.status()).as("email " + id).isEqualTo(MessageStatus.FAILED);
      }
      if (row.status() == MessageStatus.SKIPPED) assertThat(got).as("SKIPPED email " + id).isZero();
    });
  }

  /**
   * Waits until every message has a terminal status in the messages table (read when the wrappers have seen a
   * terminal status written for each: a scan a second would slow dynalite down), then lets the queues drain, so
   * that a late redelivery which would send again is seen. Bounded by the deadline.
   */
  private String runUntilEveryMessageEnds(FaultTestData data, Queues queues) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(500);
      if (faults.terminal.size() < data.jobs.size()) continue;
      Map<String, Row> rows = statuses();
      if (rows.size() == data.jobs.size() && rows.values().stream().allMatch(r -> r.status().finished())) break;
    }
    long ended = System.nanoTime();
    long drained = Math.min(deadline, ended + Duration.ofSeconds(12).toNanos());
    while (System.nanoTime() < drained && !(empty(queues.send()) && empty(queues.dlq()))) Thread.sleep(500);
    return String.format("all ended after %.1f s, queues drained %.1f s later", (ended - started) / 1e9,
        (System.nanoTime() - ended) / 1e9);
  }

  private boolean empty(String queue) {
    Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return a.values().stream().allMatch("0"::equals);
  }

  private Map<String, Row> statuses() {
    Map<String, Row> rows = new HashMap<>();
    dynamo.scanPaginator(r -> r.tableName(env.get("MESSAGES_TABLE")).consistentRead(true)).items().forEach(item ->
        rows.put(item.get("id").s(), new Row(MessageStatus.valueOf(item.get("status").s()),
            item.containsKey("reason") ? item.get("reason").s() : null)));
    return rows;
  }

  /** Recounts both distributions from the messages table, on the real stores (no faults). */
  private void reconcile() {
    Clock clock = Clock.systemUTC();
    var stats = new DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE"), clock);
    var reconcile = new ReconcileStats(new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), clock), stats,
        new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"), TestChannels.with().build()),
        new DynamoDbActivity(dynamo, env.get("ACTIVITY_TABLE")), clock);
    for (String distribution : List.of(FaultTestData.MAIN, FaultTestData.DOWN)) {
      assertThat(reconcile.reconcile(distribution, () -> true)).as("recount of " + distribution).isPresent();
    }
  }

  /** Emails the SES stand-in captured for this run, per address. */
  private static Map<String, Integer> emailsByAddress(String tag) {
    Map<String, Integer> counts = new TreeMap<>();
    for (var email : new SesStore(StandIns.get().ses.endpoint()).emails()) {
      Matcher m = ADDRESS.matcher(email.path("destination").toString());
      while (m.find()) {
        if (m.group().contains("-" + tag + "@")) counts.merge(m.group(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * Where the stats counters differ from the messages table (not asserted: a fault between a status write and
   * its counter update loses or repeats a count; reported so the drift is known).
   */
  private String statsDrift(FaultTestData data, Map<String, Row> rows) {
    Map<String, Long> drift = new TreeMap<>();
    data.jobs.forEach(job -> drift.merge(job.distributionId() + "/" + job.channel() + "/"
        + (rows.containsKey(job.messageId()) ? rows.get(job.messageId()).status() : "MISSING"), -1L, Long::sum));
    var stats = new DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE"));
    for (String distribution : List.of(FaultTestData.MAIN, FaultTestData.DOWN)) {
      stats.of(distribution).forEach((channel, counts) -> counts.forEach((status, n) ->
          drift.merge(distribution + "/" + channel + "/" + status, n, Long::sum)));
    }
    drift.values().removeIf(n -> n == 0);
    return drift.isEmpty() ? "counters match the table" : "counters minus the table's counts " + drift;
  }

  private String summary(Map<String, Row> rows, FlakyWebhookReceiver receiver, Map<String, Integer> emails,
      double seconds, String pollers) {
    Map<String, Integer> outcomes = new TreeMap<>();
    rows.values().forEach(r -> outcomes.merge(r.status() + (r.reason() == null ? "" : " " + r.reason()), 1,
        Integer::sum));
    int repeats = receiver.repeats.values().stream().mapToInt(Integer::intValue).sum();
    return String.format("SendUnderFaultsTest seed=%d: %d messages in %.1f s: %s; webhook answers %s, "
            + "%d repeats of %d keys (in doubt %d, no answer %d, hung after processing %d); %d emails captured; "
            + "faults %d %s; %s",
        seed, rows.size(), seconds, outcomes, receiver.answers(), repeats, receiver.repeats.size(),
        faults.inDoubt.size(), faults.noAnswer.size(), receiver.hungAfterProcessing.size(),
        emails.values().stream().mapToInt(Integer::intValue).sum(), faults.total(), faults.hits(), pollers);
  }
}
