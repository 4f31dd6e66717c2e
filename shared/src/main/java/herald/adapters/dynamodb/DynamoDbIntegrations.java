package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.integrations.Integration;
import herald.domain.integrations.Integrations;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Integrations in DynamoDB, one item per id: tool, name, base URL, the names of the credential fields set (never
 * their values, which are in the secret store), version and times; {@code kind} + {@code created_key} key the
 * {@code All} index, the list oldest first.
 */
public final class DynamoDbIntegrations implements Integrations {
  static final int SCHEMA = 1;
  private static final String KIND = "integration";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbIntegrations(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Integration> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public void create(Integration integration) {
    dynamo.putItem(r -> r.tableName(table).item(item(integration)).conditionExpression("attribute_not_exists(id)"));
  }

  @Override
  public boolean replace(Integration integration, long expectedVersion) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(integration)).conditionExpression("version = :v")
          .expressionAttributeValues(Map.of(":v", Items.n(expectedVersion))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean delete(String id) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", id)).conditionExpression("attribute_exists(id)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Page<Integration> list(String cursor, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("All")
        .keyConditionExpression("kind = :k").expressionAttributeValues(Map.of(":k", Items.s(KIND)));
    return ListPages.collect(dynamo, query, cursor, limit, List.of("id", "kind", "created_key"), "kind", KIND,
        DynamoDbIntegrations::read);
  }

  private static Map<String, AttributeValue> item(Integration i) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(i.id()));
    item.put("kind", Items.s(KIND));
    item.put("created_key", Items.s(i.createdAt() + "#" + i.id()));
    item.put("tool", Items.s(i.tool()));
    item.put("name", Items.s(i.name()));
    if (i.apiBaseUrl() != null) item.put("api_base_url", Items.s(i.apiBaseUrl()));
    item.put("credentials_set", AttributeValue.fromL(i.credentialsSet().stream().map(Items::s).toList()));
    item.put("version", Items.n(i.version()));
    item.put("created_at", Items.s(i.createdAt().toString()));
    item.put("updated_at", Items.s(i.updatedAt().toString()));
    return Items.withSchema(item, SCHEMA);
  }

  private static Integration read(Map<String, AttributeValue> item) {
    String id = Items.text(item, "id");
    Items.schema(item, SCHEMA, "integration " + id);
    return new Integration(id, Items.text(item, "tool"), Items.text(item, "name"), Items.text(item, "api_base_url"),
        item.get("credentials_set").l().stream().map(AttributeValue::s).toList(),
        Long.parseLong(item.get("version").n()), Instant.parse(Items.text(item, "created_at")),
        Instant.parse(Items.text(item, "updated_at")));
  }
}
