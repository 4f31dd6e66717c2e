package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.deadletters.DeadLetter;
import herald.domain.deadletters.DeadLetterQueue;
import herald.domain.deadletters.DeadLetters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Dead letters in DynamoDB, one item per dead letter ({@code id}); listed newest first by queue (index ByQueue) and by
 * distribution (index ByDistribution, sparse: only those about a distribution carry {@code distribution_id});
 * {@code at_key} is the time, then the id. DynamoDB's TTL removes each {@link DeadLetters#KEPT} after it was recorded.
 */
public final class DynamoDbDeadLetters implements DeadLetters {
  static final int SCHEMA = 1;
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbDeadLetters(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public boolean record(DeadLetter d) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(d.id()));
    item.put("queue", Items.s(d.queue().code()));
    item.put("at_key", Items.s(SORTABLE.format(d.at()) + "#" + d.id()));
    Items.putIfPresent(item, "distribution_id", d.distributionId());
    Items.putIfPresent(item, "segment_id", d.segmentId());
    if (d.shard() != null) item.put("shard", Items.n(d.shard()));
    Items.putIfPresent(item, "event_id", d.eventId());
    Items.putIfPresent(item, "reason", d.reason());
    item.put("at", Items.s(d.at().toString()));
    item.put("body", Items.s(d.body()));
    item.put("expires_at", Items.n(d.at().plus(KEPT).getEpochSecond()));
    try {
      dynamo.putItem(r -> r.tableName(table).item(Items.withSchema(item, SCHEMA))
          .conditionExpression("attribute_not_exists(id)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<DeadLetter> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public Page<DeadLetter> ofDistribution(String distributionId, String cursor, int limit) {
    return list("ByDistribution", "distribution_id", distributionId, cursor, limit);
  }

  @Override
  public Page<DeadLetter> ofQueue(DeadLetterQueue queue, String cursor, int limit) {
    return list("ByQueue", "queue", queue.code(), cursor, limit);
  }

  private Page<DeadLetter> list(String index, String hash, String value, String cursor, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index).scanIndexForward(false)
        .keyConditionExpression("#h = :h").filterExpression("expires_at > :now")
        .expressionAttributeNames(Map.of("#h", hash))
        .expressionAttributeValues(Map.of(":h", Items.s(value), ":now", Items.n(clock.instant().getEpochSecond())));
    return ListPages.collect(dynamo, query, cursor, limit, List.of("id", hash, "at_key"), hash, value,
        DynamoDbDeadLetters::read);
  }

  @Override
  public boolean markRedriven(String id, Instant at) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression("SET redriven_at = :at")
          .conditionExpression("attribute_exists(id) AND attribute_not_exists(redriven_at)")
          .expressionAttributeValues(Map.of(":at", Items.s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void unmarkRedriven(String id) {
    dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id)).updateExpression("REMOVE redriven_at")
        .conditionExpression("attribute_exists(id)"));
  }

  private static DeadLetter read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "dead letter");
    AttributeValue shard = item.get("shard");
    String redriven = Items.text(item, "redriven_at");
    return new DeadLetter(Items.text(item, "id"), DeadLetterQueue.of(Items.text(item, "queue"), "queue"),
        Items.text(item, "distribution_id"), Items.text(item, "segment_id"),
        shard == null ? null : Integer.valueOf(shard.n()), Items.text(item, "event_id"), Items.text(item, "reason"),
        Items.instant(item, "at"), Items.text(item, "body"), redriven == null ? null : Instant.parse(redriven));
  }
}
