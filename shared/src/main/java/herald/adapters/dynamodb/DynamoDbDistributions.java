package herald.adapters.dynamodb;

import herald.adapters.json.DistributionJson;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Distributions in DynamoDB: the document as JSON, plus {@code active_trigger} (the trigger type,
 * present only while ACTIVE) keyed by the sparse index that finds what an event triggers.
 */
public final class DynamoDbDistributions implements Distributions {
  static final String ACTIVE_INDEX = "ActiveByTrigger";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbDistributions(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Distribution> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public void create(Distribution distribution) {
    dynamo.putItem(r -> r.tableName(table).item(item(distribution)).conditionExpression("attribute_not_exists(id)"));
  }

  @Override
  public boolean replace(Distribution distribution, long expectedVersion) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(distribution))
          .conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public List<Distribution> activeFor(String triggerType) {
    List<Distribution> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(ACTIVE_INDEX)
          .keyConditionExpression("active_trigger = :t")
          .expressionAttributeValues(Map.of(":t", Items.s(triggerType)));
      if (start != null) query.exclusiveStartKey(start);
      QueryResponse page = dynamo.query(query.build());
      page.items().forEach(item -> found.add(read(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return found;
  }

  private static Map<String, AttributeValue> item(Distribution d) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(d.id()));
    item.put("version", Items.n(d.version()));
    item.put("status", Items.s(d.status().name()));
    item.put("doc", Items.s(DistributionJson.write(d).toString()));
    if (d.status() == DistributionStatus.ACTIVE) item.put("active_trigger", Items.s(d.trigger().type()));
    return item;
  }

  private static Distribution read(Map<String, AttributeValue> item) {
    return DistributionJson.read(Json.parse(item.get("doc").s()));
  }
}
