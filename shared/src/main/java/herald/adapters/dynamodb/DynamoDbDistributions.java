package herald.adapters.dynamodb;

import herald.domain.channels.ChannelKinds;
import herald.domain.common.Page;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.SendSchedule;
import herald.platform.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Distributions in DynamoDB: the stored document ({@link DistributionDocument}), id, status, version and times,
 * and the keys of three indexes:
 * {@code active_trigger} (the trigger type, present only while ACTIVE: what an event triggers),
 * {@code status} + {@code created_key} (the list by status) and {@code kind} + {@code created_key} (the whole list);
 * a scheduled manual one also {@code schedule_id} and {@code send_at}, beside the document.
 */
public final class DynamoDbDistributions implements Distributions {
  static final String ACTIVE_INDEX = "ActiveByTrigger";
  private static final String KIND = "distribution";
  private final DynamoDbClient dynamo;
  private final String table;
  private final DistributionDocument documents;

  /** @param kinds the channel kinds, which read and write each channel's stored form */
  public DynamoDbDistributions(DynamoDbClient dynamo, String table, ChannelKinds kinds) {
    this.dynamo = dynamo;
    this.table = table;
    this.documents = new DistributionDocument(kinds);
  }

  @Override
  public Optional<Distribution> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public void create(Distribution distribution) {
    dynamo.putItem(r -> r.tableName(table).item(item(distribution)).conditionExpression("attribute_not_exists(id)"));
  }

  @Override
  public boolean replace(Distribution distribution, long expectedVersion) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(distribution))
          .conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean delete(String id, long expectedVersion) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", id))
          .conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public List<Distribution> activeFor(String triggerType) {
    List<Distribution> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(ACTIVE_INDEX)
          .keyConditionExpression("active_trigger = :t")
          .expressionAttributeValues(Map.of(":t", Items.s(triggerType)));
      if (start != null) query.exclusiveStartKey(start);
      QueryResponse page = dynamo.query(query.build());
      page.items().forEach(item -> found.add(read(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return found;
  }

  @Override
  public Page<Distribution> list(DistributionStatus status, String triggerType, String cursor, int limit) {
    String index = status == null ? "All" : "ByStatus";
    String hashName = status == null ? "kind" : "status";
    String hashValue = status == null ? KIND : status.name();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":h", Items.s(hashValue));
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
        .keyConditionExpression("#h = :h").expressionAttributeNames(Map.of("#h", hashName));
    if (triggerType != null) {
      query.filterExpression("trigger_type = :t");
      values.put(":t", Items.s(triggerType));
    }
    query.expressionAttributeValues(values);
    return ListPages.collect(dynamo, query, cursor, limit, List.of("id", hashName, "created_key"), hashName,
        hashValue, this::read);
  }

  private Map<String, AttributeValue> item(Distribution d) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(d.id()));
    item.put("version", Items.n(d.version()));
    item.put("status", Items.s(d.status().name()));
    item.put("kind", Items.s(KIND));
    item.put("created_key", Items.s(d.createdAt() + "#" + d.id()));
    item.put("trigger_type", Items.s(d.trigger().type()));
    item.put("created_at", Items.s(d.createdAt().toString()));
    item.put("updated_at", Items.s(d.updatedAt().toString()));
    item.put("doc", Items.s(documents.write(d)));
    if (d.status() == DistributionStatus.ACTIVE) item.put("active_trigger", Items.s(d.trigger().type()));
    if (d.schedule() != null) {
      item.put("schedule_id", Items.s(d.schedule().id()));
      item.put("send_at", Items.s(d.schedule().sendAt().toString()));
    }
    return Items.withSchema(item, DistributionDocument.SCHEMA);
  }

  private Distribution read(Map<String, AttributeValue> item) {
    String id = Items.text(item, "id");
    int schema = Items.schema(item, DistributionDocument.SCHEMA, "distribution " + id);
    Distribution distribution = documents.read(Json.parse(item.get("doc").s()), schema,
        new DistributionDocument.Item(id, Items.text(item, "status"), Long.parseLong(item.get("version").n()),
            Items.text(item, "created_at"), Items.text(item, "updated_at")));
    if (!item.containsKey("schedule_id")) return distribution;
    return distribution.withSchedule(new SendSchedule(Items.text(item, "schedule_id"),
        Instant.parse(Items.text(item, "send_at"))));
  }
}
