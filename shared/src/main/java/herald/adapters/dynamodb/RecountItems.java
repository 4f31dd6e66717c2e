package herald.adapters.dynamodb;

import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Recount;
import herald.platform.Json;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What a recount leaves in the stats table beside the status counters ({@link DynamoDbStatusCounters}): the
 * distribution's {@value #RECOUNT} item (its time, totals, reasons and codes published) and its messages per hour of
 * creation, under the key {@code <distribution>#hours}, one item per hour.
 */
final class RecountItems {
  static final String RECOUNT = "#recount";
  private static final int SCHEMA = DynamoDbStatusCounters.SCHEMA;
  private final DynamoDbClient dynamo;
  private final String table;

  RecountItems(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Writes the recount's item and the hours whose counts changed. */
  void write(String distributionId, Recount recount) {
    Map<String, Long> totals = new TreeMap<>();
    for (MessageStatus status : MessageStatus.values()) {
      long n = recount.total(status);
      if (n > 0) totals.put(status.name(), n);
    }
    Map<String, AttributeValue> item = new HashMap<>(key(distributionId, RECOUNT));
    item.put("at", Items.s(recount.at().toString()));
    item.put("codes_published", Items.n(recount.codesPublished()));
    item.put("totals", Items.s(Json.write(totals)));
    item.put("reasons", Items.s(Json.write(recount.reasons())));
    dynamo.putItem(r -> r.tableName(table).item(Items.withSchema(item, SCHEMA)));
    writeHours(distributionId, recount.hours());
  }

  /** Writes the hours whose counts differ from the stored ones (most of a long-lived distribution's do not). */
  private void writeHours(String distributionId, Map<Instant, Map<MessageStatus, Long>> hours) {
    Map<Instant, Map<MessageStatus, Long>> stored = hours(distributionId, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
    for (var hour : hours.entrySet()) {
      if (hour.getValue().equals(stored.get(hour.getKey()))) continue;
      Map<String, AttributeValue> item = new HashMap<>(key(distributionId + "#hours", hour.getKey().toString()));
      hour.getValue().forEach((status, n) -> item.put(status.name(), Items.n(n)));
      dynamo.putItem(r -> r.tableName(table).item(Items.withSchema(item, SCHEMA)));
    }
    for (Instant gone : stored.keySet()) {
      if (!hours.containsKey(gone)) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(distributionId + "#hours", gone.toString())));
      }
    }
  }

  /** The last recount: its time, totals, reasons and codes published. */
  Optional<Recount> last(String distributionId) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(key(distributionId, RECOUNT))).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    Items.schema(item, SCHEMA, "stats recount");
    Map<MessageStatus, Long> totals = new EnumMap<>(MessageStatus.class);
    Json.parse(Items.text(item, "totals")).fields().forEachRemaining(e ->
        totals.put(MessageStatus.valueOf(e.getKey()), e.getValue().asLong()));
    Map<MessageStatus, Map<String, Long>> reasons = new EnumMap<>(MessageStatus.class);
    Json.parse(Items.text(item, "reasons")).fields().forEachRemaining(e -> {
      Map<String, Long> byReason = new LinkedHashMap<>();
      e.getValue().fields().forEachRemaining(r -> byReason.put(r.getKey(), r.getValue().asLong()));
      reasons.put(MessageStatus.valueOf(e.getKey()), byReason);
    });
    return Optional.of(new Recount(Items.instant(item, "at"), Map.of("*", totals), Map.of(), reasons,
        Long.parseLong(item.get("codes_published").n()), Map.of()));
  }

  /** The messages per hour of creation, as the last recount wrote them. */
  Map<Instant, Map<MessageStatus, Long>> hours(String distributionId, Instant from, Instant to) {
    Map<Instant, Map<MessageStatus, Long>> hours = new TreeMap<>();
    AllPages.query(dynamo, QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("distribution_id = :d AND channel BETWEEN :from AND :to")
        .expressionAttributeValues(Map.of(":d", Items.s(distributionId + "#hours"), ":from", Items.s(from.toString()),
            ":to", Items.s(to.toString()))))
        .forEach(item -> hours.put(Instant.parse(Items.text(item, "channel")), DynamoDbStatusCounters.statuses(item)));
    return hours;
  }

  private static Map<String, AttributeValue> key(String distributionId, String channel) {
    return DynamoDbStatusCounters.key(distributionId, channel);
  }
}
