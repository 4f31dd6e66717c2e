package herald.adapters.dynamodb;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.common.Ids;
import herald.domain.common.Page;
import herald.platform.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The activity log: one item per entry, keyed by subject and time, read newest first; its details as JSON text, a
 * tallied entry's {@code count} as a number, and {@code expires_at} (epoch seconds, {@link Activity#KEPT} after the
 * entry) for DynamoDB's TTL.
 */
public final class DynamoDbActivity implements Activity {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbActivity(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void record(ActivityEntry entry) {
    dynamo.putItem(r -> r.tableName(table).item(item(entry, entry.at() + "#" + Ids.random(""))));
  }

  @Override
  public boolean recordOnce(ActivityEntry entry) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(entry, entry.at() + "#" + entry.action()))
          .conditionExpression("attribute_not_exists(at_key)"));
      return true;
    } catch (ConditionalCheckFailedException recorded) {
      return false;
    }
  }

  @Override
  public void tally(ActivityEntry entry, long count) {
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder set = new StringBuilder("SET ");
    Map<String, AttributeValue> item = item(entry, "tally");
    item.remove("subject");
    item.remove("at_key");
    int i = 0;
    Map<String, String> names = new HashMap<>();
    for (var e : item.entrySet()) {
      if (i > 0) set.append(", ");
      set.append("#a").append(i).append(" = if_not_exists(#a").append(i).append(", :a").append(i).append(")");
      names.put("#a" + i, e.getKey());
      values.put(":a" + i, e.getValue());
      i++;
    }
    values.put(":one", Items.n(count));
    names.put("#count", "count");
    dynamo.updateItem(r -> r.tableName(table)
        .key(Map.of("subject", Items.s(entry.subject()), "at_key", Items.s(entry.at() + "#" + entry.action())))
        .updateExpression(set + " ADD #count :one").expressionAttributeNames(names)
        .expressionAttributeValues(values));
  }

  private static Map<String, AttributeValue> item(ActivityEntry entry, String atKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("subject", Items.s(entry.subject()));
    item.put("at_key", Items.s(atKey));
    item.put("at", Items.s(entry.at().toString()));
    item.put("actor", Items.s(entry.actor()));
    item.put("action", Items.s(entry.action()));
    item.put("version", Items.n(entry.version()));
    if (!entry.details().isEmpty()) item.put("details", Items.s(Json.write(entry.details())));
    item.put("expires_at", Items.n(entry.at().plus(Activity.KEPT).getEpochSecond()));
    return Items.withSchema(item, SCHEMA);
  }

  @Override
  public Page<ActivityEntry> of(String subject, String cursor, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table)
        .keyConditionExpression("subject = :s").expressionAttributeValues(Map.of(":s", Items.s(subject)))
        .scanIndexForward(false).limit(limit);
    if (cursor != null) query.exclusiveStartKey(Cursors.decode(cursor, List.of("subject", "at_key"), "subject", subject));
    QueryResponse page = dynamo.query(query.build());
    List<ActivityEntry> entries = page.items().stream().map(DynamoDbActivity::read).toList();
    return new Page<>(entries, Cursors.next(page));
  }

  private static ActivityEntry read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "activity entry");
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    String json = Items.text(item, "details");
    if (json != null) details.putAll(Json.toMap(Json.parse(json)));
    if (item.containsKey("count")) details.put("count", Long.parseLong(item.get("count").n()));
    return new ActivityEntry(Items.text(item, "subject"), Items.instant(item, "at"), Items.text(item, "actor"),
        Items.text(item, "action"), Long.parseLong(item.get("version").n()), details);
  }
}
