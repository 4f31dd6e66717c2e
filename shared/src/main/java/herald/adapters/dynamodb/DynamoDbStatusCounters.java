package herald.adapters.dynamodb;

import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.StatusCounters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Atomic counters: one item per distribution and channel, one number per status, moved with ADD (a manual send's
 * progress item beside them, {@link DynamoDbSendProgress}, is not a channel's).
 */
public final class DynamoDbStatusCounters implements StatusCounters {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbStatusCounters(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void moved(String distributionId, String channel, MessageStatus from, MessageStatus to) {
    if (from == to) return;
    Map<String, String> names = new HashMap<>(Map.of("#to", to.name()));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Items.n(1), ":schema", Items.n(SCHEMA)));
    String expression = "SET " + Items.SCHEMA + " = :schema ADD #to :one";
    if (from != null) {
      names.put("#from", from.name());
      values.put(":minus", Items.n(-1));
      expression += ", #from :minus";
    }
    String update = expression;
    dynamo.updateItem(r -> r.tableName(table)
        .key(Map.of("distribution_id", Items.s(distributionId), "channel", Items.s(channel)))
        .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values));
  }

  @Override
  public Map<String, Map<MessageStatus, Long>> of(String distributionId) {
    Map<String, Map<MessageStatus, Long>> counts = new TreeMap<>();
    dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
        .keyConditionExpression("distribution_id = :d")
        .expressionAttributeValues(Map.of(":d", Items.s(distributionId))))
        .items().forEach(item -> {
          if (DynamoDbSendProgress.isProgress(item)) return;
          Items.schema(item, SCHEMA, "status counters");
          Map<MessageStatus, Long> byStatus = new LinkedHashMap<>();
          for (MessageStatus status : MessageStatus.values()) {
            AttributeValue n = item.get(status.name());
            if (n != null && n.n() != null) byStatus.put(status, Long.parseLong(n.n()));
          }
          counts.put(Items.text(item, "channel"), byStatus);
        });
    return counts;
  }
}
