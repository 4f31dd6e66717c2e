package herald.adapters.dynamodb;

import herald.domain.limits.Counter;
import herald.domain.limits.Reservation;
import herald.domain.limits.UsageCounters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The usage counters in the usage table. Each counter and period ({@code day#2026-12-05}, {@code month#2026-12},
 * {@code total}) is one item holding the units reserved under a limit ({@code count}, with the ids of the messages
 * holding them in {@code reserved}, a string set), plus {@value #SHARDS} shard items ({@code day#2026-12-05#s07})
 * holding the messages counted where the plan sets no limit: a message adds to the shard its id picks, so a paid
 * account's sends spread over {@value #SHARDS} items instead of all writing one (DynamoDB serves about 1,000 writes
 * a second to one item). A counter's count is its item's plus its shards'; its limit reads its item only. One item
 * per message ({@code reservation#<id>}) records the keys of its first reservation and the limits it was made
 * under, so that a retry counts in the same periods. Reserving is one conditional update per limited counter,
 * which adds the unit only below the limit and only when the message does not hold one already: concurrent senders
 * never pass the limit, and a retried job never counts twice.
 */
public final class DynamoDbUsageCounters implements UsageCounters {
  static final int SCHEMA = 1;
  /** Reservations are needed while their message may still be retried or dead-lettered (14 days at most). */
  static final Duration KEEP = Duration.ofDays(40);
  /** Shard items per counter and period: about {@value}000 unlimited sends a second before one of them is hot. */
  static final int SHARDS = 16;
  private static final String RESERVATION = "reservation#";
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbUsageCounters(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public Reservation reserve(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits) {
    Stored stored = record(messageId, keys, limits);
    List<Counter> taken = new ArrayList<>();
    for (Counter counter : Counter.values()) {
      Long limit = stored.limits().get(counter);
      if (limit == null) continue;
      String key = stored.keys().get(counter);
      if (!take(key, messageId, limit)) {
        taken.forEach(c -> giveBack(stored.keys().get(c), messageId));
        return new Reservation(messageId, stored.keys(), Set.of(), false);
      }
      taken.add(counter);
    }
    return new Reservation(messageId, stored.keys(), stored.limits().keySet(), true);
  }

  @Override
  public void sent(Reservation reservation) {
    sent(List.of(reservation));
  }

  /**
   * One ADD per counter key for all the messages counted there, on the shard the first of them picks (the count is
   * the sum over the shards, so which shard holds a unit does not matter).
   */
  @Override
  public void sent(Collection<Reservation> reservations) {
    Map<String, Long> perShard = new java.util.LinkedHashMap<>();
    Map<String, String> shardOf = new HashMap<>();
    for (Reservation reservation : reservations) {
      for (Counter counter : Counter.values()) {
        if (reservation.reserved().contains(counter)) continue;
        String key = reservation.keys().get(counter);
        String shard = shardOf.computeIfAbsent(key, k -> shard(k, reservation.messageId()));
        perShard.merge(shard, 1L, Long::sum);
      }
    }
    perShard.forEach((shard, n) -> dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", shard))
        .updateExpression("ADD #n :n SET " + Items.SCHEMA + " = :schema")
        .expressionAttributeNames(Map.of("#n", "count"))
        .expressionAttributeValues(Map.of(":n", Items.n(n), ":schema", Items.n(SCHEMA)))));
  }

  @Override
  public void giveBack(String messageId) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", RESERVATION + messageId))
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) return;
    Stored stored = read(item);
    stored.limits().keySet().forEach(counter -> giveBack(stored.keys().get(counter), messageId));
  }

  @Override
  public Map<Counter, Count> counts(Map<Counter, String> keys) {
    List<String> ids = new ArrayList<>();
    keys.values().forEach(key -> {
      ids.add(key);
      for (int i = 0; i < SHARDS; i++) ids.add(shardKey(key, i));
    });
    Map<String, Long> found = read(ids);
    Map<Counter, Count> counts = new EnumMap<>(Counter.class);
    keys.forEach((counter, key) -> {
      long limited = found.getOrDefault(key, 0L);
      long sent = limited;
      for (int i = 0; i < SHARDS; i++) sent += found.getOrDefault(shardKey(key, i), 0L);
      counts.put(counter, new Count(sent, limited));
    });
    return counts;
  }

  /** The count of each item found among these keys, read consistently (at most 100 keys). */
  private Map<String, Long> read(Collection<String> ids) {
    Map<String, Long> found = new HashMap<>();
    Map<String, KeysAndAttributes> wanted = Map.of(table, KeysAndAttributes.builder()
        .keys(ids.stream().map(id -> Items.key("id", id)).toList()).projectionExpression("id, #n")
        .expressionAttributeNames(Map.of("#n", "count")).consistentRead(true).build());
    while (!wanted.isEmpty()) {
      var answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(wanted).build());
      for (var item : answer.responses().getOrDefault(table, List.of())) {
        AttributeValue count = item.get("count");
        found.put(Items.text(item, "id"), count == null ? 0L : Long.parseLong(count.n()));
      }
      wanted = answer.unprocessedKeys();
    }
    return found;
  }

  /** The shard of a counter's item that a message adds to, picked by its id. */
  static String shard(String key, String messageId) {
    return shardKey(key, Math.floorMod(messageId.hashCode(), SHARDS));
  }

  private static String shardKey(String key, int shard) {
    return key + "#s" + (shard < 10 ? "0" : "") + shard;
  }

  /** The message's reservation record: written now, or the one its first try wrote. */
  private Stored record(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits) {
    Map<String, AttributeValue> keyMap = new HashMap<>();
    keys.forEach((c, k) -> keyMap.put(c.name(), Items.s(k)));
    Map<String, AttributeValue> limitMap = new HashMap<>();
    limits.forEach((c, l) -> limitMap.put(c.name(), Items.n(l)));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(RESERVATION + messageId));
    item.put("keys", AttributeValue.fromM(keyMap));
    item.put("limits", AttributeValue.fromM(limitMap));
    item.put("expires_at", Items.n(clock.instant().plus(KEEP).getEpochSecond()));
    Items.withSchema(item, SCHEMA);
    try {
      dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
      return new Stored(keys, limits);
    } catch (ConditionalCheckFailedException retried) {
      return read(dynamo.getItem(r -> r.tableName(table).key(Items.key("id", RESERVATION + messageId))
          .consistentRead(true)).item());
    }
  }

  /** Adds the message's unit below the limit; true also when the message holds one already. */
  private boolean take(String key, String messageId, long limit) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", key))
          .updateExpression("ADD #n :one, reserved :ids SET " + Items.SCHEMA + " = :schema")
          .conditionExpression("(attribute_not_exists(#n) OR #n < :limit) "
              + "AND (attribute_not_exists(reserved) OR NOT contains(reserved, :id))")
          .expressionAttributeNames(Map.of("#n", "count"))
          .expressionAttributeValues(Map.of(":one", Items.n(1), ":ids", AttributeValue.fromSs(List.of(messageId)),
              ":limit", Items.n(limit), ":id", Items.s(messageId), ":schema", Items.n(SCHEMA))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return holds(key, messageId);
    }
  }

  private boolean holds(String key, String messageId) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", key)).consistentRead(true)).item();
    AttributeValue reserved = item == null ? null : item.get("reserved");
    return reserved != null && reserved.hasSs() && reserved.ss().contains(messageId);
  }

  private void giveBack(String key, String messageId) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", key))
          .updateExpression("ADD #n :minus DELETE reserved :ids")
          .conditionExpression("contains(reserved, :id)")
          .expressionAttributeNames(Map.of("#n", "count"))
          .expressionAttributeValues(Map.of(":minus", Items.n(-1), ":ids", AttributeValue.fromSs(List.of(messageId)),
              ":id", Items.s(messageId))));
    } catch (ConditionalCheckFailedException alreadyGivenBack) {
      // nothing held: given back before, or never taken
    }
  }

  private static Stored read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "usage reservation");
    Map<Counter, String> keys = new EnumMap<>(Counter.class);
    item.get("keys").m().forEach((c, k) -> keys.put(Counter.valueOf(c), k.s()));
    Map<Counter, Long> limits = new EnumMap<>(Counter.class);
    item.get("limits").m().forEach((c, l) -> limits.put(Counter.valueOf(c), Long.parseLong(l.n())));
    return new Stored(keys, limits);
  }

  private record Stored(Map<Counter, String> keys, Map<Counter, Long> limits) {}
}
