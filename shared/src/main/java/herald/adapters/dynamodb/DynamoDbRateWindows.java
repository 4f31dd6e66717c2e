package herald.adapters.dynamodb;

import herald.domain.limits.RateWindows;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The send-rate windows in the usage table: one item per channel type and second ({@code rate#email#1764932400}),
 * whose {@code count} of tokens taken a conditional update keeps at or under the capacity, and whose {@code refused}
 * counts the attempts turned away. DynamoDB expires them after a few minutes.
 */
public final class DynamoDbRateWindows implements RateWindows {
  /** Seconds a window is kept: long past any sender that could still ask it. */
  static final long KEEP_SECONDS = 300;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbRateWindows(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public long take(String channel, long second, int capacity) {
    String id = "rate#" + channel + "#" + second;
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression("ADD #n :one SET expires_at = :expires")
          .conditionExpression("attribute_not_exists(#n) OR #n < :capacity")
          .expressionAttributeNames(Map.of("#n", "count"))
          .expressionAttributeValues(Map.of(":one", Items.n(1), ":capacity", Items.n(capacity),
              ":expires", Items.n(second + KEEP_SECONDS))));
      return 0;
    } catch (ConditionalCheckFailedException full) {
      var refused = dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression("ADD refused :one").expressionAttributeValues(Map.of(":one", Items.n(1)))
          .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("refused");
      return Math.max(1, Long.parseLong(refused.n()));
    }
  }
}
