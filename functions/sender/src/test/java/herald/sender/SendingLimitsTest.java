package herald.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbAccountSettings;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbUsageCounters;
import herald.domain.customers.Customer;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.DistributionStatus;
import herald.domain.events.TriggerEvent;
import herald.domain.limits.Account;
import herald.domain.limits.Counter;
import herald.domain.limits.Plan;
import herald.domain.limits.Quota;
import herald.domain.limits.Usage;
import herald.platform.Env;
import herald.testing.Seed;
import herald.testing.SesStore;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plans' count limits through the real sender, on dynalite, ElasticMQ and aws-ses-v2-local: 20 concurrent
 * senders, 200 messages, and exactly the plan's room goes out; the rest end SKIPPED quota_exceeded.
 */
class SendingLimitsTest {
  private static final int SENDERS = 20;
  private static final int MESSAGES = 200;
  private Env env;
  private String email;
  private DynamoDbAccountSettings account;

  @BeforeEach
  void freshStack() {
    env = StandIns.get().freshEnv().with("EVENT_BUS_NAME", "herald-test");
    email = "limits-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    new Seed(env).brand().customer(email).distribution(DistributionStatus.ACTIVE);
    account = new DynamoDbAccountSettings(StandIns.dynamo(env), env.get("SETTINGS_TABLE"), Plan.TRIAL);
  }

  @Test
  void twentyConcurrentSendersPushingTwoHundredMessagesThroughAVerifiedTrialSendExactlyTenThatDay() {
    account.save(Account.of(Plan.TRIAL_VERIFIED));

    List<Message> messages = sendAll(jobs("verified"));

    assertThat(new SesStore(StandIns.get().ses.endpoint()).to(email)).hasSize(10);
    assertThat(messages).filteredOn(m -> m.status() == MessageStatus.SENT).hasSize(10);
    assertThat(messages).filteredOn(m -> m.status() == MessageStatus.SKIPPED)
        .hasSize(MESSAGES - 10).allSatisfy(m -> assertThat(m.reason()).isEqualTo("quota_exceeded"));
    Usage usage = quota().usage();
    assertThat(usage.tallies().get(Counter.DAY)).isEqualTo(new Usage.Tally(10, 10L, 0L));
    assertThat(usage.tallies().get(Counter.MONTH)).isEqualTo(new Usage.Tally(10, 100L, 90L));
    assertThat(usage.tallies().get(Counter.TOTAL).sent()).isEqualTo(10);
    assertThat(new DynamoDbStatusCounters(StandIns.dynamo(env), env.get("STATS_TABLE")).of(Seed.DISTRIBUTION_ID)
        .get("email")).containsEntry(MessageStatus.SENT, 10L).containsEntry(MessageStatus.SKIPPED, 190L);
  }

  @Test
  void anUnverifiedTrialSendsTenInTotalAndARetriedJobCountsOnce() {
    account.save(Account.of(Plan.TRIAL));
    List<SendJob> jobs = jobs("trial");
    List<SendJob> twice = new ArrayList<>(jobs);
    twice.addAll(jobs.subList(0, 50));   // redelivered jobs: the same message ids again

    List<Message> messages = sendAll(twice);

    assertThat(messages).hasSize(MESSAGES);
    assertThat(messages).filteredOn(m -> m.status() == MessageStatus.SENT).hasSize(10);
    assertThat(new SesStore(StandIns.get().ses.endpoint()).to(email)).hasSize(10);
    assertThat(quota().usage().tallies().get(Counter.TOTAL)).isEqualTo(new Usage.Tally(10, 10L, 0L));
    assertThat(quota().forecast(25)).isEqualTo(new herald.domain.limits.Forecast(0, 25));
  }

  @Test
  void aPaidAccountHasNoCountLimitAndCountsEverySend() {
    account.save(Account.of(Plan.PAID));

    List<Message> messages = sendAll(jobs("paid").subList(0, 30));

    assertThat(messages).allSatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
    Usage usage = quota().usage();
    assertThat(usage.tallies().get(Counter.DAY)).isEqualTo(new Usage.Tally(30, null, null));
    assertThat(usage.tallies().get(Counter.TOTAL)).isEqualTo(new Usage.Tally(30, null, null));
  }

  private List<Message> sendAll(List<SendJob> jobs) {
    var sqs = StandIns.sqs(env);
    new SqsSendQueue(sqs, env.get("SEND_QUEUE_URL")).send(jobs);
    SenderHandler handler = new SenderHandler(env);
    var messages = new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC());
    long distinct = jobs.stream().map(SendJob::messageId).distinct().count();
    try (LambdaPoller poller = new LambdaPoller("limits", sqs, env.get("SEND_QUEUE_URL"), SENDERS,
        event -> handler.handleRequest(event, null)).start()) {
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
          finished(messages).size() == distinct
              && sqs.getQueueAttributes(r -> r.queueUrl(env.get("SEND_QUEUE_URL"))
                  .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                  .attributesAsStrings().values().stream().allMatch("0"::equals));
      assertThat(poller.unexpected).isEmpty();
    }
    return finished(messages);
  }

  private static List<Message> finished(DynamoDbMessages messages) {
    List<Message> all = new ArrayList<>();
    String cursor = null;
    do {
      var page = messages.forDistribution(Seed.DISTRIBUTION_ID, cursor, 100);
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return all.stream().filter(m -> m.status().finished()).toList();
  }

  private List<SendJob> jobs(String run) {
    String customer = Customer.idFor(Seed.SOURCE_ID);
    return IntStream.range(0, MESSAGES).mapToObj(i -> new SendJob(Seed.DISTRIBUTION_ID, "email", customer,
        new TriggerEvent("evt_" + run + "_" + i, "customer.custom_event", Instant.now(),
            new TriggerEvent.CustomerRef(customer, Seed.SOURCE_ID), Map.of("event", "signed_up", "plan", "gold"))))
        .toList();
  }

  private Quota quota() {
    return new Quota(account, new DynamoDbUsageCounters(StandIns.dynamo(env), env.get("USAGE_TABLE"),
        Clock.systemUTC()), Clock.systemUTC());
  }
}
