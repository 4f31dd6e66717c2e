package herald.adapters.dynamodb;

import herald.domain.delivery.MessageStatus;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The account's message counts per day and channel in the stats table, beside the status counters
 * ({@link DynamoDbStatusCounters}): under {@code #account#<shard>} (shard 0 to {@value #SHARDS} - 1, picked at random
 * so that no key is hot), sort key {@code <yyyy-mm-dd>#<channel>}, summed over the shards when read.
 */
final class AccountDays {
  static final int SHARDS = 10;
  /** The statuses a day counts: where a message ended (or stood: SENT). */
  static final Set<MessageStatus> COUNTED = Set.of(MessageStatus.SENT, MessageStatus.DELIVERED,
      MessageStatus.BOUNCED, MessageStatus.COMPLAINED, MessageStatus.FAILED, MessageStatus.SKIPPED);
  private final DynamoDbClient dynamo;
  private final String table;

  AccountDays(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** One ADD per channel of the day's counts. */
  void add(LocalDate day, Map<String, Map<MessageStatus, Long>> perChannel) {
    perChannel.forEach((channel, counts) -> {
      Map<String, AttributeValue> values = new HashMap<>(Map.of(":schema", Items.n(DynamoDbStatusCounters.SCHEMA)));
      String update = "SET " + Items.SCHEMA + " = :schema" + DynamoDbStatusCounters.adds(counts, values);
      dynamo.updateItem(r -> r.tableName(table)
          .key(DynamoDbStatusCounters.key("#account#" + ThreadLocalRandom.current().nextInt(SHARDS),
              day + "#" + channel))
          .updateExpression(update).expressionAttributeNames(DynamoDbStatusCounters.names(counts))
          .expressionAttributeValues(values));
    });
  }

  /** The account's counts per day and channel, summed over the shards. */
  Map<LocalDate, Map<String, Map<MessageStatus, Long>>> daily(LocalDate from, LocalDate to) {
    Map<LocalDate, Map<String, Map<MessageStatus, Long>>> days = new TreeMap<>();
    for (int shard = 0; shard < SHARDS; shard++) {
      String pk = "#account#" + shard;
      AllPages.query(dynamo, QueryRequest.builder().tableName(table)
          .keyConditionExpression("distribution_id = :d AND channel BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(":d", Items.s(pk), ":from", Items.s(from.toString()),
              ":to", Items.s(to + "#\uffff"))))
          .forEach(item -> {
            String[] dayAndChannel = Items.text(item, "channel").split("#", 2);
            Map<MessageStatus, Long> counts = days.computeIfAbsent(LocalDate.parse(dayAndChannel[0]),
                d -> new TreeMap<>()).computeIfAbsent(dayAndChannel[1], c -> new EnumMap<>(MessageStatus.class));
            DynamoDbStatusCounters.statuses(item).forEach((status, n) -> counts.merge(status, n, Long::sum));
          });
    }
    return days;
  }
}
