package herald.adapters.dynamodb;

import herald.domain.keys.ApiKey;
import herald.domain.keys.ApiKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * API keys in DynamoDB, one item per key under its derived id. Last use is kept twice: {@code last_used_at}
 * to read and {@code last_used_ms} (a number) for the condition that writes it at most once a minute.
 */
public final class DynamoDbApiKeys implements ApiKeys {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbApiKeys(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void create(ApiKey key) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(key.id()));
    item.put("name", Items.s(key.name()));
    item.put("secret_hash", Items.s(key.secretHash()));
    item.put("created_at", Items.s(key.createdAt().toString()));
    Items.withSchema(item, SCHEMA);
    try {
      dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("api key " + key.id() + " already exists", e);
    }
  }

  @Override
  public Optional<ApiKey> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public List<ApiKey> all() {
    return AllPages.scan(dynamo, ScanRequest.builder().tableName(table).consistentRead(true)).stream()
        .map(DynamoDbApiKeys::read)
        .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id))
        .toList();
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return update(id, "SET revoked_at = if_not_exists(revoked_at, :at)", "attribute_exists(id)",
        Map.of(":at", Items.s(at.toString())));
  }

  @Override
  public boolean recordUse(String id, Instant at, Instant usedBefore) {
    return update(id, "SET last_used_at = :at, last_used_ms = :ms",
        "attribute_exists(id) AND (attribute_not_exists(last_used_ms) OR last_used_ms <= :cutoff)",
        Map.of(":at", Items.s(at.toString()), ":ms", Items.n(at.toEpochMilli()),
            ":cutoff", Items.n(usedBefore.toEpochMilli())));
  }

  private boolean update(String id, String expression, String condition, Map<String, AttributeValue> values) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression(expression).conditionExpression(condition).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static ApiKey read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "api key");
    return new ApiKey(Items.text(item, "id"), Items.text(item, "name"), Items.text(item, "secret_hash"),
        Items.instant(item, "created_at"), Items.instant(item, "last_used_at"), Items.instant(item, "revoked_at"));
  }
}
