package herald.bench;

import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.SendJobJson;
import herald.domain.channels.email.EmailChannel;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What both fan-out bench paths share: an ACTIVE distribution (one email channel, audience a segment of
 * {@value Segment#DEFAULT_SHARDS} shards) and the segment's members, written straight into the members table with
 * BatchWriteItem in the items DynamoDbMemberships reads (then counted through it, which checks the format); the
 * order event that triggers it; and the send-job bodies the fan-out queues, for the raw path.
 */
record FanoutSetup(Env env, Segment segment, Distribution distribution, TriggerEvent event, List<String> members,
    List<String> bodies, double seedSeconds) {

  static FanoutSetup prepare(Env env, int count) throws Exception {
    return prepare(env, count, Segment.DEFAULT_SHARDS);
  }

  /** As {@link #prepare(Env, int)}, the segment in {@code shards} shards. */
  static FanoutSetup prepare(Env env, int count, int shards) throws Exception {
    Instant now = Instant.now();
    DynamoDbClient dynamo = StandIns.dynamo(env);
    Segment segment = new Segment("seg_bench", "Bench", SegmentType.STATIC, null, shards, 1, now, now, null);
    new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE")).create(segment);
    Distribution distribution = new Distribution("dist_bench", "Sale", null, DistributionStatus.ACTIVE,
        new Trigger("customer.order.paid", Map.of()), Audience.segment(segment.id()),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(new EmailChannel("Sale", "<p>Sale</p>", "Sale")), 1, now, now);
    new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds()).create(distribution);
    TriggerEvent event = new TriggerEvent("evt_bench_order_1", "customer.order.paid", now,
        new TriggerEvent.CustomerRef("cust_buyer", "buyer-1"),
        Map.of("order", Map.of("id", "ord_1", "amount", 1250, "currency", "EUR")));

    List<String> members = new ArrayList<>();
    for (int i = 0; i < count; i++) members.add(String.format("cust_%08x", i * 2654435761L & 0xffffffffL));
    long start = System.nanoTime();
    seed(dynamo, env.get("SEGMENT_MEMBERS_TABLE"), segment, members, now);
    double seedSeconds = (System.nanoTime() - start) / 1e9;
    long counted = new DynamoDbMemberships(dynamo, env.get("SEGMENT_MEMBERS_TABLE")).count(segment);
    if (counted != count) throw new IllegalStateException("seeded " + count + " members, counted " + counted);

    List<String> bodies = members.stream()
        .map(id -> SendJobJson.write(new SendJob(distribution.id(), "email", id, event))).toList();
    return new FanoutSetup(env, segment, distribution, event, members, bodies, seedSeconds);
  }

  /** BatchWriteItem, 25 items a call, 8 calls at once; what DynamoDB leaves unprocessed is written again. */
  private static void seed(DynamoDbClient dynamo, String table, Segment segment, List<String> members, Instant at)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int from = 0; from < members.size(); from += 25) {
        List<String> batch = members.subList(from, Math.min(members.size(), from + 25));
        writes.add(pool.submit(() -> write(dynamo, table, batch.stream().map(id -> item(segment, id, at)).toList())));
      }
      for (Future<?> write : writes) write.get();
    } finally {
      pool.shutdown();
    }
  }

  private static void write(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
    Map<String, List<WriteRequest>> request = Map.of(table, items.stream()
        .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build()).toList());
    while (!request.isEmpty()) {
      Map<String, List<WriteRequest>> asked = request;
      var response = dynamo.batchWriteItem(r -> r.requestItems(asked));
      request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  /** A member's item as DynamoDbMemberships writes it: pk "segment#shard", member_pk only while a member. */
  private static Map<String, AttributeValue> item(Segment segment, String customerId, Instant at) {
    String pk = segment.id() + "#" + segment.shardOf(customerId);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("customer_id", AttributeValue.fromS(customerId));
    item.put("member", AttributeValue.fromBool(true));
    item.put("seq", AttributeValue.fromN("1"));
    item.put("changed_at", AttributeValue.fromS(at.toString()));
    item.put("member_pk", AttributeValue.fromS(pk));
    return item;
  }
}
