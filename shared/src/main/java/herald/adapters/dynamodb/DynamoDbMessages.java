package herald.adapters.dynamodb;

import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Messages;
import herald.domain.delivery.Page;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Messages in DynamoDB; every status change is a conditional update on the message's own item. */
public final class DynamoDbMessages implements Messages {
  static final String BY_DISTRIBUTION = "ByDistribution";
  private static final String CREATE = "SET distribution_id = :d, event_id = :e, customer_id = :c, channel = :ch, "
      + "#s = :s, updated_at = :now, created_at = if_not_exists(created_at, :now), "
      + "created_key = if_not_exists(created_key, :key)";
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbMessages(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public boolean claim(Message m) {
    return update(m.id(), CREATE, "attribute_not_exists(id) OR #s = :queued", values(m, MessageStatus.SENDING, null));
  }

  @Override
  public void release(String id) {
    update(id, "SET #s = :queued, updated_at = :now", "#s = :sending",
        Map.of(":queued", Items.s(MessageStatus.QUEUED.name()), ":sending", Items.s(MessageStatus.SENDING.name()),
            ":now", now()));
  }

  @Override
  public void finish(String id, MessageStatus status, String reason, String providerId) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Items.s(status.name()), ":now", now()));
    StringBuilder set = new StringBuilder("SET #s = :s, updated_at = :now");
    StringBuilder remove = new StringBuilder();
    if (reason != null) {
      set.append(", reason = :r");
      values.put(":r", Items.s(reason));
    } else {
      remove.append(" REMOVE reason");
    }
    if (providerId != null) {
      set.append(", provider_id = :p");
      values.put(":p", Items.s(providerId));
    }
    update(id, set.append(remove).toString(), "attribute_exists(id)", values);
  }

  @Override
  public boolean failUnlessFinished(Message m, String reason) {
    Map<String, AttributeValue> values = values(m, MessageStatus.FAILED, reason);
    values.put(":sending", Items.s(MessageStatus.SENDING.name()));
    return update(m.id(), CREATE + ", reason = :r",
        "attribute_not_exists(id) OR #s = :queued OR #s = :sending", values);
  }

  @Override
  public Optional<Message> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public Page<Message> forDistribution(String distributionId, String cursor, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BY_DISTRIBUTION)
        .keyConditionExpression("distribution_id = :d")
        .expressionAttributeValues(Map.of(":d", Items.s(distributionId)))
        .limit(limit);
    if (cursor != null) query.exclusiveStartKey(Cursors.decode(cursor, List.of("id", "distribution_id", "created_key"),
        "distribution_id", distributionId));
    QueryResponse page = dynamo.query(query.build());
    List<Message> items = page.items().stream().map(DynamoDbMessages::read).toList();
    return new Page<>(items, Cursors.next(page));
  }

  private boolean update(String id, String expression, String condition, Map<String, AttributeValue> values) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression(expression).conditionExpression(condition)
          .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private Map<String, AttributeValue> values(Message m, MessageStatus status, String reason) {
    AttributeValue now = now();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":d", Items.s(m.distributionId()));
    values.put(":e", Items.s(m.eventId()));
    values.put(":c", Items.s(m.customerId()));
    values.put(":ch", Items.s(m.channel()));
    values.put(":s", Items.s(status.name()));
    values.put(":queued", Items.s(MessageStatus.QUEUED.name()));
    values.put(":now", now);
    values.put(":key", Items.s(now.s() + "#" + m.id()));
    if (reason != null) values.put(":r", Items.s(reason));
    return values;
  }

  private AttributeValue now() {
    return Items.s(clock.instant().toString());
  }

  private static Message read(Map<String, AttributeValue> item) {
    return new Message(Items.text(item, "id"), Items.text(item, "distribution_id"), Items.text(item, "event_id"),
        Items.text(item, "customer_id"), Items.text(item, "channel"),
        MessageStatus.valueOf(Items.text(item, "status")), Items.text(item, "reason"),
        Items.text(item, "provider_id"), Items.instant(item, "created_at"), Items.instant(item, "updated_at"));
  }
}
