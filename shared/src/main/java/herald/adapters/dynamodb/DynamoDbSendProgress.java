package herald.adapters.dynamodb;

import herald.domain.delivery.SendProgress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A manual send's progress in the stats table, beside its status counters: the item with channel {@value #CHANNEL}
 * (no channel type starts with '#'), holding {@code parts}, and per run of a part {@code q_<part>_<page>} (send jobs
 * queued, overwritten by a repeated run) and per part read to its end {@code d_<part>}.
 */
public final class DynamoDbSendProgress implements SendProgress {
  static final String CHANNEL = "#progress";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbSendProgress(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void started(String distributionId, String scheduleId, int parts) {
    update(distributionId, "SET parts = :p, schedule_id = :s, " + Items.SCHEMA + " = :schema",
        Map.of(":p", Items.n(parts), ":s", Items.s(scheduleId)));
  }

  @Override
  public void queued(String distributionId, int part, int page, long count, boolean lastOfPart) {
    String set = "SET q_" + part + "_" + page + " = :n, " + Items.SCHEMA + " = :schema";
    if (lastOfPart) set += ", d_" + part + " = :n";
    update(distributionId, set, Map.of(":n", Items.n(count)));
  }

  @Override
  public Optional<Progress> of(String distributionId) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(key(distributionId))).item();
    if (item == null || !item.containsKey("parts")) return Optional.empty();
    Items.schema(item, DynamoDbStatusCounters.SCHEMA, "send progress");
    long queued = 0;
    int done = 0;
    for (var entry : item.entrySet()) {
      if (entry.getKey().startsWith("q_")) queued += Long.parseLong(entry.getValue().n());
      if (entry.getKey().startsWith("d_")) done++;
    }
    return Optional.of(new Progress(Items.text(item, "schedule_id"), Integer.parseInt(item.get("parts").n()), done,
        queued));
  }

  private void update(String distributionId, String expression, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":schema", Items.n(DynamoDbStatusCounters.SCHEMA));
    dynamo.updateItem(r -> r.tableName(table).key(key(distributionId)).updateExpression(expression)
        .expressionAttributeValues(all));
  }

  private static Map<String, AttributeValue> key(String distributionId) {
    return Map.of("distribution_id", Items.s(distributionId), "channel", Items.s(CHANNEL));
  }

  /** Whether a stats item is a send's progress rather than a channel's counters. */
  static boolean isProgress(Map<String, AttributeValue> item) {
    return CHANNEL.equals(Items.text(item, "channel"));
  }
}
