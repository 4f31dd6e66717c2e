package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.events.RejectedEvent;
import herald.domain.events.RejectedEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Rejected bus events in DynamoDB: one partition ({@code list = "bus"}) sorted by the event's time and the
 * rejection's id ({@code at_key}), read newest first; DynamoDB's TTL removes each {@link RejectedEvents#KEPT}
 * after it was rejected ({@code expires_at}), and reads skip those already past it that TTL has not removed yet.
 */
public final class DynamoDbRejectedEvents implements RejectedEvents {
  static final int SCHEMA = 1;
  private static final String LIST = "bus";
  private static final List<String> KEY = List.of("list", "at_key");
  /** Fixed width, so the text sorts as the time does. */
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbRejectedEvents(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public void record(RejectedEvent rejected) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("list", Items.s(LIST));
    item.put("at_key", Items.s(SORTABLE.format(rejected.at()) + "#" + rejected.id()));
    item.put("id", Items.s(rejected.id()));
    Items.putIfPresent(item, "event_id", rejected.eventId());
    Items.putIfPresent(item, "type", rejected.type());
    Items.putIfPresent(item, "source", rejected.source());
    Items.putIfPresent(item, "time", rejected.time() == null ? null : rejected.time().toString());
    Items.putIfPresent(item, "customer_id", rejected.customerId());
    item.put("code", Items.s(rejected.code()));
    Items.putIfPresent(item, "field", rejected.field());
    Items.putIfPresent(item, "message", rejected.message());
    item.put("rejected_at", Items.s(rejected.rejectedAt().toString()));
    item.put("expires_at", Items.n(rejected.rejectedAt().plus(KEPT).getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(Items.withSchema(item, SCHEMA)));
  }

  @Override
  public Page<RejectedEvent> newestFirst(String cursor, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).scanIndexForward(false)
        .keyConditionExpression("#list = :list").filterExpression("expires_at > :now")
        .expressionAttributeNames(Map.of("#list", "list"))
        .expressionAttributeValues(Map.of(":list", Items.s(LIST), ":now", Items.n(clock.instant().getEpochSecond())));
    return ListPages.collect(dynamo, query, cursor, limit, KEY, "list", LIST, DynamoDbRejectedEvents::read);
  }

  private static RejectedEvent read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "rejected event");
    String time = Items.text(item, "time");
    return new RejectedEvent(Items.text(item, "id"), Items.text(item, "event_id"), Items.text(item, "type"),
        Items.text(item, "source"), time == null ? null : Instant.parse(time), Items.text(item, "customer_id"),
        Items.text(item, "code"), Items.text(item, "field"), Items.text(item, "message"),
        Items.instant(item, "rejected_at"));
  }
}
