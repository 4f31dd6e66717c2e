package herald.adapters.dynamodb;

import herald.domain.intake.EventKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Event keys in DynamoDB, claimed with a conditional write and expired by TTL after 7 days. */
public final class DynamoDbEventKeys implements EventKeys {
  static final int SCHEMA = 1;
  private static final Duration KEEP = Duration.ofDays(7);
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbEventKeys(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public boolean claim(String key) {
    long expires = clock.instant().plus(KEEP).getEpochSecond();
    try {
      dynamo.putItem(r -> r.tableName(table)
          .item(Map.of("id", Items.s(key), "expires_at", Items.n(expires), Items.SCHEMA, Items.n(SCHEMA)))
          .conditionExpression("attribute_not_exists(id)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void release(String key) {
    dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", key)));
  }
}
