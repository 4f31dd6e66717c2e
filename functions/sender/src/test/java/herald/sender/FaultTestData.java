package herald.sender;

import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.domain.channels.Channel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.testing.Seed;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The fault test's data: a brand, 400 customers (one in twenty has revoked email consent), a distribution
 * with a webhook and an email channel, one whose webhook is down for good, and 2,000 send jobs: each customer
 * gets one email and four webhooks, one webhook in eighty goes to the endpoint that is down. The order is
 * shuffled, except that the jobs to the endpoint that is down go first.
 */
final class FaultTestData {
  static final String SECRET = "whsec_ZmF1bHQtdGVzdC13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";
  static final String MAIN = "dist_faults";
  static final String DOWN = "dist_faults_down";
  private static final int CUSTOMERS = 400;
  private static final int JOBS = 2_000;

  final List<SendJob> jobs = new ArrayList<>();
  /** Email message id to the address it goes to (each address gets exactly one email job). */
  final Map<String, String> emailTo = new HashMap<>();
  final Set<String> webhooks = new HashSet<>();
  final Set<String> down = new HashSet<>();
  /** Email messages of customers who revoked their email consent. */
  final Set<String> revoked = new HashSet<>();
  final String tag;

  FaultTestData(Env env, FlakyWebhookReceiver receiver, String tag, long seed) {
    this.tag = tag;
    Instant now = Instant.now();
    new Seed(env).brand();
    var distributions = new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds());
    distributions.create(distribution(MAIN, now, new WebhookChannel(receiver.url("/hook"), SECRET, Map.of(), null),
        new EmailChannel("Hi {{customer.name}}", "<p>Welcome {{customer.name}}</p>", "Welcome {{customer.name}}")));
    distributions.create(distribution(DOWN, now, new WebhookChannel(receiver.url("/down"), SECRET, Map.of(), null)));
    var customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    IntStream.range(0, CUSTOMERS).parallel().forEach(c -> customers.save(customer(c, now)));
    for (int n = 0; n < JOBS; n++) {
      int c = n % CUSTOMERS;
      boolean email = n < CUSTOMERS;
      String distribution = !email && n % 80 == 0 ? DOWN : MAIN;
      SendJob job = new SendJob(distribution, email ? "email" : "webhook", customerId(c),
          new TriggerEvent("evt_" + tag + "_" + n, "customer.custom_event", now,
              new TriggerEvent.CustomerRef(customerId(c), sourceId(c)), Map.of("event", "signed_up", "plan", "gold")));
      jobs.add(job);
      if (email) emailTo.put(job.messageId(), address(c));
      if (email && revokedEmail(c)) revoked.add(job.messageId());
      if (!email) (distribution.equals(DOWN) ? down : webhooks).add(job.messageId());
    }
    Collections.shuffle(jobs, new Random(seed));
    // those to the endpoint that is down go first: they take all twelve tries, each behind the queue's backlog
    jobs.sort(Comparator.comparing(job -> !job.distributionId().equals(DOWN)));
  }

  Set<String> ids() {
    Set<String> ids = new HashSet<>();
    jobs.forEach(job -> ids.add(job.messageId()));
    return ids;
  }

  private static Distribution distribution(String id, Instant now, Channel... channels) {
    return new Distribution(id, id, null, DistributionStatus.ACTIVE,
        new Trigger("customer.custom_event", Map.of("event", "signed_up")), Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(channels), 1, now, now);
  }

  private Customer customer(int c, Instant now) {
    Map<String, Consent> consents = revokedEmail(c) ? Map.of(Consent.EMAIL, new Consent(false, now)) : Map.of();
    return new Customer(customerId(c), sourceId(c), "Customer " + c, address(c), null, Map.of(), now, now, consents);
  }

  private static boolean revokedEmail(int c) {
    return c % 20 == 7;
  }

  private String sourceId(int c) {
    return "fault-" + tag + "-" + c;
  }

  private String customerId(int c) {
    return Customer.idFor(sourceId(c));
  }

  String address(int c) {
    return "c" + c + "-" + tag + "@example.com";
  }
}
