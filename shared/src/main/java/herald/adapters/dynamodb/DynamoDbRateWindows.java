package herald.adapters.dynamodb;

import herald.domain.limits.RateWindows;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The send-rate windows in the usage table: one item per channel type and second ({@code rate#email#1764932400}),
 * whose {@code count} of tokens taken a conditional update keeps at or under the capacity, and whose {@code refused}
 * counts the attempts turned away. DynamoDB expires them after a few minutes. A batch takes several tokens in one
 * write when the window has room for them all.
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

  /**
   * One conditional write for the tokens wanted when the window has room for them all; otherwise the window's count
   * is read and what is left taken (again conditionally: another sender may take it first), or, with none left, the
   * attempt's refusal counted.
   */
  @Override
  public Taken take(String channel, long second, int capacity, int wanted) {
    String id = "rate#" + channel + "#" + second;
    int tokens = Math.min(wanted, capacity);
    while (tokens > 0) {
      try {
        add(id, tokens, capacity - tokens, second);
        return new Taken(tokens, 0);
      } catch (ConditionalCheckFailedException notRoomForAll) {
        if (tokens == 1) break;
        var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)
            .projectionExpression("#n").expressionAttributeNames(Map.of("#n", "count"))).item();
        long count = item == null || !item.containsKey("count") ? 0 : Long.parseLong(item.get("count").n());
        tokens = (int) Math.min(tokens - 1, capacity - count);
      }
    }
    var refused = dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
        .updateExpression("ADD refused :one").expressionAttributeValues(Map.of(":one", Items.n(1)))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("refused");
    return new Taken(0, Math.max(1, Long.parseLong(refused.n())));
  }

  private void add(String id, int tokens, int atMost, long second) {
    dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
        .updateExpression("ADD #n :tokens SET expires_at = :expires")
        .conditionExpression("attribute_not_exists(#n) OR #n <= :most")
        .expressionAttributeNames(Map.of("#n", "count"))
        .expressionAttributeValues(Map.of(":tokens", Items.n(tokens), ":most", Items.n(atMost),
            ":expires", Items.n(second + KEEP_SECONDS))));
  }

  @Override
  public void handBack(String channel, long second, int tokens) {
    if (tokens <= 0) return;
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", "rate#" + channel + "#" + second))
          .updateExpression("ADD #n :back").conditionExpression("#n >= :tokens")
          .expressionAttributeNames(Map.of("#n", "count"))
          .expressionAttributeValues(Map.of(":back", Items.n(-tokens), ":tokens", Items.n(tokens))));
    } catch (ConditionalCheckFailedException expired) {
      // the window is gone: nothing to hand back to
    }
  }
}
