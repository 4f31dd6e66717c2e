package herald.adapters.dynamodb;

import herald.adapters.json.CampaignJson;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.Campaigns;
import herald.domain.campaigns.CodeCounts;
import herald.domain.campaigns.CodesJob;
import herald.domain.common.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The campaigns in DynamoDB: per campaign an item (sk "campaign", the settings as the API's JSON) and its code
 * counters (sk "codes", atomic ADDs), and its {@link CodesJob} (sk "codes_job": the job making its codes and its
 * code sequence; the sequence key is never answered by the API). There are at most a few thousand campaigns, so the list is read whole and
 * paged in creation order; its cursor is the last campaign's creation key.
 */
public final class DynamoDbCampaigns implements Campaigns {
  static final int SCHEMA = 1;
  private static final String CAMPAIGN = "campaign";
  private static final String CODES = "codes";
  private static final String CODES_JOB = "codes_job";
  private static final List<String> CURSOR_KEY = List.of("list", "after");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbCampaigns(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Campaign> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(key(id, CAMPAIGN)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public boolean create(Campaign campaign) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(campaign)).conditionExpression("attribute_not_exists(id)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean replace(Campaign campaign, long expectedVersion) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(campaign)).conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean delete(String id) {
    var deleted = dynamo.deleteItem(r -> r.tableName(table).key(key(id, CAMPAIGN)).returnValues(ReturnValue.ALL_OLD));
    dynamo.deleteItem(r -> r.tableName(table).key(key(id, CODES)));
    dynamo.deleteItem(r -> r.tableName(table).key(key(id, CODES_JOB)));
    return deleted.hasAttributes() && !deleted.attributes().isEmpty();
  }

  @Override
  public Optional<CodesJob> codesJob(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(key(id, CODES_JOB)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    return Optional.of(new CodesJob(item.get("action_id").s(), Items.text(item, "sequence_key"),
        number(item, "next_index"), Items.text(item, "sequence_config"),
        item.containsKey("mixed") && item.get("mixed").bool()));
  }

  @Override
  public boolean takeCodesJob(String id, String held, CodesJob next) {
    Map<String, AttributeValue> item = new HashMap<>(key(id, CODES_JOB));
    item.put("action_id", Items.s(next.actionId()));
    Items.putIfPresent(item, "sequence_key", next.key());
    item.put("next_index", Items.n(next.nextIndex()));
    Items.putIfPresent(item, "sequence_config", next.config());
    item.put("mixed", AttributeValue.fromBool(next.mixed()));
    try {
      dynamo.putItem(r -> {
        r.tableName(table).item(Items.withSchema(item, SCHEMA));
        if (held == null) {
          r.conditionExpression("attribute_not_exists(id)");
        } else {
          r.conditionExpression("action_id = :held").expressionAttributeValues(Map.of(":held", Items.s(held)));
        }
      });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean startPart(String id, String actionId, int part) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(id, CODES_JOB)).updateExpression("SET started_part = :part")
          .conditionExpression("action_id = :action AND (attribute_not_exists(started_part) OR started_part < :part)")
          .expressionAttributeValues(Map.of(":action", Items.s(actionId), ":part", Items.n(part))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Page<Campaign> list(String cursor, int limit) {
    String after = cursor == null ? "" : Cursors.decode(cursor, CURSOR_KEY, "list", "campaigns").get("after").s();
    List<Campaign> sorted = all().stream().filter(c -> orderKey(c).compareTo(after) > 0)
        .sorted(Comparator.comparing(DynamoDbCampaigns::orderKey)).toList();
    List<Campaign> page = sorted.subList(0, Math.min(limit, sorted.size()));
    String next = sorted.size() > limit
        ? Cursors.encode(Map.of("list", Items.s("campaigns"), "after", Items.s(orderKey(page.getLast())))) : null;
    return new Page<>(page, next);
  }

  @Override
  public CodeCounts counts(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(key(id, CODES)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return new CodeCounts(0, 0);
    return new CodeCounts(number(item, "total"), number(item, "published"));
  }

  @Override
  public void count(String id, long made, long published) {
    dynamo.updateItem(r -> r.tableName(table).key(key(id, CODES))
        .updateExpression("ADD #total :made, published :published SET schema_version = :schema")
        .expressionAttributeNames(Map.of("#total", "total"))
        .expressionAttributeValues(Map.of(":made", Items.n(made), ":published", Items.n(published),
            ":schema", Items.n(SCHEMA))));
  }

  private List<Campaign> all() {
    List<Campaign> all = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamo.scan(r -> r.tableName(table).consistentRead(true).exclusiveStartKey(from)
          .filterExpression("sk = :campaign").expressionAttributeValues(Map.of(":campaign", Items.s(CAMPAIGN))));
      page.items().forEach(item -> all.add(read(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return all;
  }

  private static String orderKey(Campaign campaign) {
    return String.format("%019d.%09d#%s", campaign.createdAt().getEpochSecond(), campaign.createdAt().getNano(),
        campaign.id());
  }

  private static Map<String, AttributeValue> key(String id, String sk) {
    return Map.of("id", Items.s(id), "sk", Items.s(sk));
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? 0 : Long.parseLong(value.n());
  }

  private static Map<String, AttributeValue> item(Campaign c) {
    Map<String, AttributeValue> item = new HashMap<>(key(c.id(), CAMPAIGN));
    item.put("settings", Items.s(CampaignJson.write(c.settings()).toString()));
    item.put("version", Items.n(c.version()));
    item.put("created_at", Items.s(c.createdAt().toString()));
    item.put("updated_at", Items.s(c.updatedAt().toString()));
    Items.putIfPresent(item, "generation_id", c.generationId());
    return Items.withSchema(item, SCHEMA);
  }

  private static Campaign read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "campaign");
    return new Campaign(item.get("id").s(), CampaignJson.parseStored(item.get("settings").s()),
        Long.parseLong(item.get("version").n()), Items.instant(item, "created_at"), Items.instant(item, "updated_at"),
        Items.text(item, "generation_id"));
  }
}
