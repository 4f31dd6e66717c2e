package herald.adapters.dynamodb;

import herald.adapters.json.SegmentRuleJson;
import herald.domain.common.Page;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.domain.segments.Segments;
import herald.platform.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The segments in DynamoDB, one item each, the rules as JSON text. There are at most a few thousand, so the
 * list is read whole and paged in creation order; its cursor is the last segment's creation key.
 */
public final class DynamoDbSegments implements Segments {
  static final int SCHEMA = 1;
  private static final List<String> CURSOR_KEY = List.of("list", "after");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbSegments(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Segment> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public boolean create(Segment segment) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(segment)).conditionExpression("attribute_not_exists(id)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean replace(Segment segment, long expectedVersion) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(item(segment)).conditionExpression("version = :expected")
          .expressionAttributeValues(Map.of(":expected", Items.n(expectedVersion))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public boolean delete(String id) {
    var deleted = dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", id))
        .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD));
    return deleted.hasAttributes() && !deleted.attributes().isEmpty();
  }

  @Override
  public List<Segment> all() {
    List<Segment> all = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = dynamo.scan(r -> r.tableName(table).consistentRead(true).exclusiveStartKey(from));
      page.items().forEach(item -> all.add(read(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return all;
  }

  @Override
  public Page<Segment> list(String cursor, int limit) {
    String after = cursor == null ? "" : Cursors.decode(cursor, CURSOR_KEY, "list", "segments").get("after").s();
    List<Segment> sorted = all().stream().filter(s -> orderKey(s).compareTo(after) > 0)
        .sorted(Comparator.comparing(DynamoDbSegments::orderKey)).toList();
    List<Segment> page = sorted.subList(0, Math.min(limit, sorted.size()));
    String next = sorted.size() > limit
        ? Cursors.encode(Map.of("list", Items.s("segments"), "after", Items.s(orderKey(page.getLast())))) : null;
    return new Page<>(page, next);
  }

  private static String orderKey(Segment segment) {
    return String.format("%019d.%09d#%s", segment.createdAt().getEpochSecond(), segment.createdAt().getNano(),
        segment.id());
  }

  private static Map<String, AttributeValue> item(Segment s) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(s.id()));
    item.put("name", Items.s(s.name()));
    item.put("type", Items.s(s.type().key()));
    if (s.rule() != null) item.put("rules", Items.s(SegmentRuleJson.write(s.rule()).toString()));
    item.put("shards", Items.n(s.shards()));
    item.put("version", Items.n(s.version()));
    item.put("created_at", Items.s(s.createdAt().toString()));
    item.put("updated_at", Items.s(s.updatedAt().toString()));
    Items.putIfPresent(item, "evaluation_id", s.evaluationId());
    return Items.withSchema(item, SCHEMA);
  }

  private static Segment read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "segment");
    String rules = Items.text(item, "rules");
    return new Segment(item.get("id").s(), item.get("name").s(), SegmentType.of(item.get("type").s(), "type"),
        rules == null ? null : SegmentRuleJson.parse(Json.parse(rules), "rules"),
        Integer.parseInt(item.get("shards").n()), Long.parseLong(item.get("version").n()),
        Items.instant(item, "created_at"), Items.instant(item, "updated_at"), Items.text(item, "evaluation_id"));
  }
}
