package herald.bench;

import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.SegmentRuleJson;
import herald.domain.channels.email.EmailChannel;
import herald.domain.customers.Customer;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.Seed;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The data the segments, fan-out and jobs sample events name, besides {@link Seed}'s, put back before each run
 * so every run does the same real work, and the check after it that the work was done:
 * <ul>
 *   <li>segments-order-paid.json: Ada (Seed's customer, her behaviour empty again) out of the auto-update
 *   segment seg_big (orders.total_amount above 5000); the paid order adds to her behaviour and moves her in,
 *   which puts one customer.segment.entered event on the bus;</li>
 *   <li>fanout-segment-shard.json: the ACTIVE distribution dist_sale (order paid, one email channel) to the
 *   one-shard static segment seg_vip of {@value #FANOUT_MEMBERS} customers; the job queues a send job each, and
 *   the runtime's sender must then have sent all of them;</li>
 *   <li>jobs-import-part.json: the import act_sample (one part) just started and Ada as seeded; the part
 *   updates her and rejects its two bad rows, and the import is DONE.</li>
 * </ul>
 */
final class ColdStartData {
  static final int FANOUT_MEMBERS = 100;
  private static final String ADA = Customer.idFor(Seed.SOURCE_ID);
  private static final String IMPORT = "act_sample";
  private final Env env;
  private final DynamoDbClient dynamo;
  private final DynamoDbCustomers customers;
  private final DynamoDbMemberships memberships;
  private final DynamoDbAsyncActions actions;
  private Segment bigSpenders;

  /** @param env an environment naming every table (the api function's) */
  ColdStartData(Env env) {
    this.env = env;
    this.dynamo = StandIns.dynamo(env);
    this.customers = new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"));
    this.memberships = new DynamoDbMemberships(dynamo, env.get("SEGMENT_MEMBERS_TABLE"));
    this.actions = new DynamoDbAsyncActions(dynamo, env.get("ASYNC_ACTIONS_TABLE"), java.time.Clock.systemUTC());
  }

  /** Once, after {@link Seed}: the segments, the fan-out's members and its distribution. */
  ColdStartData seed() {
    Instant now = Instant.now();
    DynamoDbSegments segments = new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE"));
    bigSpenders = Segment.create("seg_big", "Big spenders", SegmentType.AUTO_UPDATE, SegmentRuleJson.parse(Json.parse(
        "{\"field\":\"orders.total_amount\",\"operator\":\"greater_than\",\"value\":5000}"), "rules"), now);
    segments.create(bigSpenders);
    Segment vip = new Segment("seg_vip", "VIP", SegmentType.STATIC, null, 1, 1, now, now, null);
    segments.create(vip);
    for (int i = 0; i < FANOUT_MEMBERS; i++) {
      String sourceId = String.format("member-%03d", i);
      Customer member = customers.save(new Customer(Customer.idFor(sourceId), sourceId, "Member " + i,
          sourceId + "@example.com", null, Map.of(), now, now));
      memberships.change(vip, member.id(), Membership.NEVER, true, now);
      memberships.announced(vip, member.id(), 1);
    }
    new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds()).create(new Distribution("dist_sale", "Sale",
        null, DistributionStatus.ACTIVE, new Trigger("customer.order.paid", Map.of()), Audience.segment(vip.id()),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(new EmailChannel("Sale", "<p>Sale, {{customer.name}}</p>",
            "Sale")), 1, now, now));
    return this;
  }

  /** Before each run of the function: what its event finds, the same every run. */
  void before(String function) {
    switch (function) {
      case "SegmentsFunction" -> adaAsSeeded();
      case "JobsFunction" -> {
        adaAsSeeded();
        clear(env.get("ASYNC_ACTIONS_TABLE"), "pk", "sk");
        actions.create(AsyncAction.start(IMPORT, herald.domain.jobs.AsyncActionType.CUSTOMERS_IMPORT, 1,
            Instant.now()));
      }
      default -> { }
    }
  }

  /** After each run: throws unless the function did its work. */
  void after(String function) throws InterruptedException {
    switch (function) {
      case "SegmentsFunction" -> {
        Customer ada = customers.get(ADA).orElseThrow();
        Membership standing = memberships.of(ADA, List.of(bigSpenders)).get(bigSpenders.id());
        if (ada.behaviour().orderCount() != 1 || !standing.member() || standing.pending()) {
          throw new IllegalStateException("SegmentsFunction: orders " + ada.behaviour().orderCount() + ", " + standing);
        }
      }
      case "FanoutFunction" -> awaitSent(FANOUT_MEMBERS);
      case "JobsFunction" -> {
        AsyncAction action = actions.get(IMPORT).orElseThrow();
        if (action.status() != AsyncActionStatus.DONE || action.count("imported") != 1 || action.count("rejected") != 2) {
          throw new IllegalStateException("JobsFunction left " + action);
        }
      }
      default -> { }
    }
  }

  /** Empties the messages table: the sender and dead-letter claim the same message ids every run. */
  void clearMessages() {
    clear(env.get("MESSAGES_TABLE"), "id", null);
  }

  /** The statuses of every message. */
  List<String> messageStatuses() {
    return dynamo.scan(r -> r.tableName(env.get("MESSAGES_TABLE"))).items().stream()
        .map(item -> item.getOrDefault("status", AttributeValue.fromS("?")).s()).toList();
  }

  /** Ada as Seed wrote her (no behaviour; the import's row changes her) and in no segment. */
  private void adaAsSeeded() {
    dynamo.deleteItem(r -> r.tableName(env.get("CUSTOMERS_TABLE")).key(Map.of("id", AttributeValue.fromS(ADA))));
    new Seed(env).customer(Seed.EMAIL);
    Membership standing = memberships.of(ADA, List.of(bigSpenders)).get(bigSpenders.id());
    if (standing.member()) {
      memberships.change(bigSpenders, ADA, standing, false, Instant.now());
      memberships.announced(bigSpenders, ADA, standing.seq() + 1);
    }
  }

  /** Waits until the runtime's sender has sent {@code count} messages (what the fan-out queued), 60 s at most. */
  private void awaitSent(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    List<String> statuses = messageStatuses();
    while (statuses.stream().filter("SENT"::equals).count() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      statuses = messageStatuses();
    }
    if (statuses.size() != count || !statuses.stream().allMatch("SENT"::equals)) {
      throw new IllegalStateException("FanoutFunction: " + statuses.size() + " messages, not " + count + " SENT");
    }
  }

  private void clear(String table, String hash, String range) {
    for (Map<String, AttributeValue> item : dynamo.scan(r -> r.tableName(table)).items()) {
      Map<String, AttributeValue> key = range == null ? Map.of(hash, item.get(hash))
          : Map.of(hash, item.get(hash), range, item.get(range));
      dynamo.deleteItem(r -> r.tableName(table).key(key));
    }
  }
}
