package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.segments.Member;
import herald.domain.segments.Membership;
import herald.domain.segments.Memberships;
import herald.domain.segments.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Segment membership in DynamoDB: one item per (segment shard, customer), pk {@code <segment id>#<shard>},
 * sort key {@code customer_id}, with {@code member}, {@code seq}, {@code changed_at}, {@code pending} while the
 * transition's event is not yet on the bus, and {@code member_pk} (= pk) only while a member, which keeps
 * the sparse index {@value #INDEX} to members only, for listing and counting.
 */
public final class DynamoDbMemberships implements Memberships {
  static final int SCHEMA = 1;
  static final String INDEX = "Members";
  private static final int BATCH = 100;
  private static final List<String> INDEX_KEY = List.of("member_pk", "customer_id", "pk");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbMemberships(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Map<String, Membership> of(String customerId, Collection<Segment> segments) {
    Map<String, String> segmentByPk = new LinkedHashMap<>();
    segments.forEach(s -> segmentByPk.put(pk(s.id(), s.shardOf(customerId)), s.id()));
    Map<String, Membership> found = new HashMap<>();
    segmentByPk.values().forEach(id -> found.put(id, Membership.NEVER));
    List<Map<String, AttributeValue>> keys = segmentByPk.keySet().stream()
        .map(pk -> Map.of("pk", Items.s(pk), "customer_id", Items.s(customerId))).toList();
    for (int from = 0; from < keys.size(); from += BATCH) {
      batchGet(keys.subList(from, Math.min(keys.size(), from + BATCH)))
          .forEach(item -> found.put(segmentByPk.get(item.get("pk").s()), read(item)));
    }
    return found;
  }

  @Override
  public boolean change(Segment segment, String customerId, Membership expected, boolean member, Instant at) {
    String pk = pk(segment.id(), segment.shardOf(customerId));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":m", AttributeValue.fromBool(member));
    values.put(":next", Items.n(expected.seq() + 1));
    values.put(":p", AttributeValue.fromBool(true));
    values.put(":at", Items.s(at.toString()));
    values.put(":schema", Items.n(SCHEMA));
    String update = "SET #m = :m, seq = :next, pending = :p, changed_at = :at, " + Items.SCHEMA + " = :schema";
    if (member) {
      values.put(":pk", Items.s(pk));
      update += ", member_pk = :pk";
    } else {
      update += " REMOVE member_pk";
    }
    String condition = "attribute_not_exists(seq)";
    if (expected.seq() > 0) {
      values.put(":expected", Items.n(expected.seq()));
      condition = "seq = :expected";
    }
    String expression = update;
    String check = condition;
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(pk, customerId)).updateExpression(expression)
          .conditionExpression(check).expressionAttributeNames(Map.of("#m", "member"))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void announced(Segment segment, String customerId, long seq) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(pk(segment.id(), segment.shardOf(customerId)), customerId))
          .updateExpression("REMOVE pending").conditionExpression("seq = :seq")
          .expressionAttributeValues(Map.of(":seq", Items.n(seq))));
    } catch (ConditionalCheckFailedException e) {
      // a later transition replaced this one; its writer announces it
    }
  }

  @Override
  public Page<Member> members(String segmentId, int shard, String cursor, int limit) {
    String pk = pk(segmentId, shard);
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(INDEX)
        .keyConditionExpression("member_pk = :pk").expressionAttributeValues(Map.of(":pk", Items.s(pk)));
    return ListPages.collect(dynamo, query, cursor, limit, INDEX_KEY, "member_pk", pk,
        item -> new Member(item.get("customer_id").s(), Long.parseLong(item.get("seq").n()),
            Items.instant(item, "changed_at")));
  }

  /** Counts each shard's members on the index, the shards at once. */
  @Override
  public long count(Segment segment) {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Long>> counts = new ArrayList<>();
      for (int shard = 0; shard < segment.shards(); shard++) {
        String pk = pk(segment.id(), shard);
        counts.add(executor.submit(() -> countShard(pk)));
      }
      long total = 0;
      for (Future<Long> count : counts) total += count.get();
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting segment " + segment.id(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  /** Deletes the shard's first items, read from the table itself: members and former members alike. */
  @Override
  public int purge(String segmentId, int shard, int limit) {
    return PartitionPurge.purge(dynamo,
        new PartitionPurge.Partition(table, null, "pk", pk(segmentId, shard), List.of("pk", "customer_id")), limit);
  }

  private long countShard(String pk) {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(INDEX).select(Select.COUNT)
          .keyConditionExpression("member_pk = :pk").expressionAttributeValues(Map.of(":pk", Items.s(pk)));
      if (start != null) query.exclusiveStartKey(start);
      QueryResponse page = dynamo.query(query.build());
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  /** Reads the keys consistently, asking again for what DynamoDB left unprocessed. */
  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, KeysAndAttributes> request = Map.of(table,
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    for (int attempt = 0; !request.isEmpty(); attempt++) {
      if (attempt > 0) pause(attempt);
      Map<String, KeysAndAttributes> asked = request;
      var response = dynamo.batchGetItem(r -> r.requestItems(asked));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return items;
  }

  private static void pause(int attempt) {
    if (attempt > 10) throw new IllegalStateException("DynamoDB kept keys unprocessed");
    try {
      Thread.sleep(Math.min(1000, 20L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Membership read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "segment membership");
    AttributeValue pending = item.get("pending");
    return new Membership(item.get("member").bool(), Long.parseLong(item.get("seq").n()),
        pending != null && Boolean.TRUE.equals(pending.bool()), Items.instant(item, "changed_at"));
  }

  private static Map<String, AttributeValue> key(String pk, String customerId) {
    return Map.of("pk", Items.s(pk), "customer_id", Items.s(customerId));
  }

  static String pk(String segmentId, int shard) {
    return segmentId + "#" + shard;
  }
}
