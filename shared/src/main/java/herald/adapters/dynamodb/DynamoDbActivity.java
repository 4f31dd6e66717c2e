package herald.adapters.dynamodb;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.common.Ids;
import herald.domain.common.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The activity log: one item per entry, keyed by subject and time, read newest first. */
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

  private static Map<String, AttributeValue> item(ActivityEntry entry, String atKey) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("subject", Items.s(entry.subject()));
    item.put("at_key", Items.s(atKey));
    item.put("at", Items.s(entry.at().toString()));
    item.put("actor", Items.s(entry.actor()));
    item.put("action", Items.s(entry.action()));
    item.put("version", Items.n(entry.version()));
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
    return new ActivityEntry(Items.text(item, "subject"), Items.instant(item, "at"), Items.text(item, "actor"),
        Items.text(item, "action"), Long.parseLong(item.get("version").n()));
  }
}
