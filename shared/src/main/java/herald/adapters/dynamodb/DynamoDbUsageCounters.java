package herald.adapters.dynamodb;

import herald.domain.limits.Counter;
import herald.domain.limits.Reservation;
import herald.domain.limits.UsageCounters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The usage counters in the usage table: one item per counter and period ({@code day#2026-12-05},
 * {@code month#2026-12}, {@code total}) holding its {@code count} and, for the units reserved under a limit, the ids
 * of the messages holding them ({@code reserved}, a string set); and one item per message ({@code reservation#<id>})
 * recording the keys of its first reservation and the limits it was made under, so that a retry counts in the same
 * periods. Reserving is one conditional update per limited counter, which adds the unit only below the limit and
 * only when the message does not hold one already: concurrent senders never pass the limit, and a retried job never
 * counts twice. The counters a plan does not limit are added to once the message is sent.
 */
public final class DynamoDbUsageCounters implements UsageCounters {
  static final int SCHEMA = 1;
  /** Reservations are needed while their message may still be retried or dead-lettered (14 days at most). */
  static final Duration KEEP = Duration.ofDays(40);
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
      if (!take(stored.keys().get(counter), messageId, limit)) {
        taken.forEach(c -> giveBack(stored.keys().get(c), messageId));
        return new Reservation(messageId, stored.keys(), Set.of(), false);
      }
      taken.add(counter);
    }
    return new Reservation(messageId, stored.keys(), stored.limits().keySet(), true);
  }

  @Override
  public void sent(Reservation reservation) {
    for (Counter counter : Counter.values()) {
      if (reservation.reserved().contains(counter)) continue;
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", reservation.keys().get(counter)))
          .updateExpression("ADD #n :one SET " + Items.SCHEMA + " = :schema")
          .expressionAttributeNames(Map.of("#n", "count"))
          .expressionAttributeValues(Map.of(":one", Items.n(1), ":schema", Items.n(SCHEMA))));
    }
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
  public Map<Counter, Long> counts(Map<Counter, String> keys) {
    Map<String, Counter> byKey = new HashMap<>();
    keys.forEach((counter, key) -> byKey.put(key, counter));
    List<Map<String, AttributeValue>> wanted = keys.values().stream().map(k -> Items.key("id", k)).toList();
    var found = dynamo.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(wanted).consistentRead(true).build()))).responses().get(table);
    Map<Counter, Long> counts = new EnumMap<>(Counter.class);
    keys.keySet().forEach(c -> counts.put(c, 0L));
    if (found != null) {
      for (var item : found) {
        AttributeValue count = item.get("count");
        counts.put(byKey.get(Items.text(item, "id")), count == null ? 0L : Long.parseLong(count.n()));
      }
    }
    return counts;
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
      var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", key)).consistentRead(true)).item();
      AttributeValue reserved = item == null ? null : item.get("reserved");
      return reserved != null && reserved.hasSs() && reserved.ss().contains(messageId);
    }
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
