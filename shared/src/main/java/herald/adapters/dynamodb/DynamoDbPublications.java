package herald.adapters.dynamodb;

import herald.domain.campaigns.Publication;
import herald.domain.campaigns.PublicationFilter;
import herald.domain.campaigns.Publications;
import herald.domain.common.Page;
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
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The publications in DynamoDB, one item per id, with {@code status} pending or published. Lists query one of the
 * indexes ByCampaign, ByCustomer, BySource (each keyed by {@code created_key}, the creation time and the id), the
 * most selective given, newest first, filtering on the rest; without a filter they scan the table, in no order.
 */
public final class DynamoDbPublications implements Publications {
  static final int SCHEMA = 1;
  private static final String PENDING = "pending";
  private static final String PUBLISHED = "published";
  private static final Map<String, String> STATUS = Map.of("#status", "status");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbPublications(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Publication> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public boolean createPending(Publication pending) {
    return write(() -> dynamo.putItem(r -> r.tableName(table).item(item(pending))
        .conditionExpression("attribute_not_exists(id)")));
  }

  @Override
  public boolean recode(Publication pending, String previousCode) {
    return write(() -> dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", pending.id()))
        .updateExpression("SET code = :code").conditionExpression("#status = :pending AND code = :previous")
        .expressionAttributeNames(STATUS).expressionAttributeValues(Map.of(":code", Items.s(pending.code()),
            ":pending", Items.s(PENDING), ":previous", Items.s(previousCode)))));
  }

  @Override
  public boolean markPublished(String id) {
    return write(() -> dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
        .updateExpression("SET #status = :published").conditionExpression("#status = :pending")
        .expressionAttributeNames(STATUS)
        .expressionAttributeValues(Map.of(":published", Items.s(PUBLISHED), ":pending", Items.s(PENDING)))));
  }

  @Override
  public boolean deletePending(String id, String code) {
    return write(() -> dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", id))
        .conditionExpression("#status = :pending AND code = :code").expressionAttributeNames(STATUS)
        .expressionAttributeValues(Map.of(":pending", Items.s(PENDING), ":code", Items.s(code)))));
  }

  @Override
  public int purge(String campaignId, int limit) {
    return PartitionPurge.purge(dynamo,
        new PartitionPurge.Partition(table, "ByCampaign", "campaign_id", campaignId, List.of("id")), limit);
  }

  @Override
  public Page<Publication> list(PublicationFilter filter, String cursor, int limit) {
    Map<String, String> given = new HashMap<>();
    if (filter.campaignId() != null) given.put("campaign_id", filter.campaignId());
    if (filter.customerId() != null) given.put("customer_id", filter.customerId());
    if (filter.sourceId() != null) given.put("source_id", filter.sourceId());
    if (given.isEmpty()) return scan(cursor, limit);
    String hash = given.containsKey("source_id") ? "source_id" : given.containsKey("customer_id") ? "customer_id"
        : "campaign_id";
    String index = switch (hash) {
      case "source_id" -> "BySource";
      case "customer_id" -> "ByCustomer";
      default -> "ByCampaign";
    };
    Map<String, String> names = new HashMap<>(STATUS);
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#hash", hash);
    values.put(":hash", Items.s(given.get(hash)));
    values.put(":published", Items.s(PUBLISHED));
    StringBuilder condition = new StringBuilder("#status = :published");
    given.forEach((name, value) -> {
      if (name.equals(hash)) return;
      names.put("#" + name, name);
      values.put(":" + name, Items.s(value));
      condition.append(" AND #").append(name).append(" = :").append(name);
    });
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
        .keyConditionExpression("#hash = :hash").filterExpression(condition.toString())
        .expressionAttributeNames(names).expressionAttributeValues(values).scanIndexForward(false);
    return ListPages.collect(dynamo, query, cursor, limit, List.of(hash, "created_key", "id"), hash, given.get(hash),
        DynamoDbPublications::read);
  }

  /** Every published publication, page by page, in the table's order; the cursor is the last one's id. */
  private Page<Publication> scan(String cursor, int limit) {
    List<Publication> items = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    if (cursor != null) {
      Map<String, AttributeValue> key = new HashMap<>(Cursors.decode(cursor, List.of("list", "id"), "list", "all"));
      key.remove("list");
      start = key;
    }
    while (true) {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamo.scan(r -> r.tableName(table).exclusiveStartKey(from).limit(Math.max(limit, 25))
          .filterExpression("#status = :published").expressionAttributeNames(STATUS)
          .expressionAttributeValues(Map.of(":published", Items.s(PUBLISHED))));
      boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
      List<Map<String, AttributeValue>> got = page.items();
      for (int i = 0; i < got.size(); i++) {
        items.add(read(got.get(i)));
        if (items.size() == limit) {
          boolean lastOfAll = i == got.size() - 1 && !more;
          return new Page<>(items, lastOfAll ? null
              : Cursors.encode(Map.of("list", Items.s("all"), "id", got.get(i).get("id"))));
        }
      }
      if (!more) return new Page<>(items, null);
      start = page.lastEvaluatedKey();
    }
  }

  private static boolean write(Runnable call) {
    try {
      call.run();
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> item(Publication p) {
    Map<String, AttributeValue> item = new HashMap<>(Items.key("id", p.id()));
    item.put("campaign_id", Items.s(p.campaignId()));
    item.put("customer_id", Items.s(p.customerId()));
    Items.putIfPresent(item, "source_id", p.sourceId());
    item.put("channel", Items.s(p.channel()));
    item.put("metadata", Items.s(Json.write(p.metadata())));
    item.put("code", Items.s(p.code()));
    Items.putIfPresent(item, "expiration_date", p.expirationDate() == null ? null : p.expirationDate().toString());
    item.put("created_at", Items.s(p.createdAt().toString()));
    item.put("created_key", Items.s(String.format("%019d.%09d#%s", p.createdAt().getEpochSecond(),
        p.createdAt().getNano(), p.id())));
    item.put("status", Items.s(p.published() ? PUBLISHED : PENDING));
    return Items.withSchema(item, SCHEMA);
  }

  private static Publication read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "publication");
    return new Publication(item.get("id").s(), item.get("campaign_id").s(), item.get("customer_id").s(),
        Items.text(item, "source_id"), item.get("channel").s(), Json.toMap(Json.parse(item.get("metadata").s())),
        item.get("code").s(), Items.instant(item, "expiration_date"), Items.instant(item, "created_at"),
        PUBLISHED.equals(item.get("status").s()));
  }
}
