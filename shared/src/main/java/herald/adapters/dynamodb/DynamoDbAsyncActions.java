package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Async actions in one table keyed pk/sk: the action (sk {@code action}) with its counters as {@code p_<name>}
 * numbers, the pages recorded ({@code pages}, a string set), the parts finished ({@code finished}, a string
 * set) and {@code parts_total}; each rejected row an item of its own (sk {@code rejected#<line, 10 digits>}).
 * A page's counts are added by one conditional update that also adds its id to {@code pages}, so a page
 * delivered twice counts once. Whoever's write leaves every part finished (a last page, or the total set
 * late) marks the action DONE. The page ids stay in the item: a million-row import records 4,000 chunks of
 * 250 rows (ids like {@code 1999@999752}, about 50 KB in all), a million-customer evaluation 2,000 pages,
 * well under DynamoDB's 400 KB item limit; each update is billed for the item's size then.
 */
public final class DynamoDbAsyncActions implements AsyncActions {
  static final int SCHEMA = 1;
  private static final String ACTION = "action";
  private static final String REJECTED = "rejected#";
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbAsyncActions(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  @Override
  public void create(AsyncAction a) {
    Map<String, AttributeValue> item = new HashMap<>(key(a.id()));
    item.put("type", Items.s(a.type().wire()));
    item.put("status", Items.s(a.status().name()));
    if (a.parts() != null) item.put("parts_total", Items.n(a.parts()));
    item.put("created_at", Items.s(a.createdAt().toString()));
    item.put("updated_at", Items.s(a.updatedAt().toString()));
    a.progress().forEach((name, value) -> item.put("p_" + name, Items.n(value)));
    Items.withSchema(item, SCHEMA);
    dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public Optional<AsyncAction> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public boolean record(String actionId, Progress page) {
    writeRejected(actionId, page.rejected());
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder add = new StringBuilder("ADD pages :page");
    values.put(":page", AttributeValue.fromSs(List.of(page.pageId())));
    values.put(":pageId", Items.s(page.pageId()));
    counters(page.counts(), add, names, values);
    if (page.finishedPart() != null) {
      add.append(", finished :part");
      values.put(":part", AttributeValue.fromSs(List.of(page.finishedPart())));
    }
    values.put(":now", Items.s(clock.instant().toString()));
    try {
      finishIfDone(actionId, dynamo.updateItem(r -> r.tableName(table).key(key(actionId))
          .updateExpression(add + " SET updated_at = :now")
          .conditionExpression("attribute_exists(pk) AND NOT contains(pages, :pageId)")
          .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_NEW)));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void total(String actionId, int parts, Map<String, Long> counts) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder add = new StringBuilder();
    counters(counts, add, names, values);
    values.put(":parts", Items.n(parts));
    values.put(":now", Items.s(clock.instant().toString()));
    String expression = "SET parts_total = :parts, updated_at = :now" + (add.isEmpty() ? "" : " ADD" + add.substring(1));
    finishIfDone(actionId, dynamo.updateItem(r -> r.tableName(table).key(key(actionId)).updateExpression(expression)
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values)
        .returnValues(ReturnValue.ALL_NEW)));
  }

  @Override
  public Page<RejectedRow> rejected(String actionId, String cursor, int limit) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :rejected)")
        .expressionAttributeValues(Map.of(":pk", Items.s(actionId), ":rejected", Items.s(REJECTED)));
    return ListPages.collect(dynamo, query, cursor, limit, List.of("pk", "sk"), "pk", actionId,
        DynamoDbAsyncActions::rejectedRow);
  }

  private void writeRejected(String actionId, List<RejectedRow> rows) {
    for (int from = 0; from < rows.size(); from += 25) {
      List<WriteRequest> writes = new ArrayList<>();
      for (RejectedRow row : rows.subList(from, Math.min(rows.size(), from + 25))) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", Items.s(actionId));
        item.put("sk", Items.s(REJECTED + String.format("%010d", row.line())));
        item.put("line", Items.n(row.line()));
        item.put("code", Items.s(row.code()));
        Items.putIfPresent(item, "field", row.field());
        item.put("message", Items.s(row.message()));
        Items.withSchema(item, SCHEMA);
        writes.add(WriteRequest.builder()
            .putRequest(p -> p.item(item)).build());
      }
      batchWrite(writes);
    }
  }

  private static void counters(Map<String, Long> counts, StringBuilder add, Map<String, String> names,
      Map<String, AttributeValue> values) {
    int i = 0;
    for (var count : new TreeMap<>(counts).entrySet()) {
      add.append(", #c").append(i).append(" :c").append(i);
      names.put("#c" + i, "p_" + count.getKey());
      values.put(":c" + i, Items.n(count.getValue()));
      i++;
    }
  }

  private void finishIfDone(String actionId, UpdateItemResponse updated) {
    Map<String, AttributeValue> item = updated.attributes();
    AttributeValue total = item.get("parts_total");
    AttributeValue finished = item.get("finished");
    int done = finished == null || !finished.hasSs() ? 0 : finished.ss().size();
    if (total == null || done < Integer.parseInt(total.n()) || !"IN_PROGRESS".equals(Items.text(item, "status"))) {
      return;
    }
    String now = clock.instant().toString();
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(actionId))
          .updateExpression("SET #s = :done, finished_at = :now, updated_at = :now")
          .conditionExpression("#s = :running").expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":done", Items.s("DONE"), ":running", Items.s("IN_PROGRESS"),
              ":now", Items.s(now))));
    } catch (ConditionalCheckFailedException e) {
      // finished by the other writer already
    }
  }

  private static RejectedRow rejectedRow(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "rejected row");
    return new RejectedRow(Long.parseLong(item.get("line").n()), Items.text(item, "code"), Items.text(item, "field"),
        Items.text(item, "message"));
  }

  private static AsyncAction read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "async action");
    Map<String, Long> progress = new TreeMap<>();
    item.forEach((name, value) -> {
      if (name.startsWith("p_")) progress.put(name.substring(2), Long.parseLong(value.n()));
    });
    AttributeValue total = item.get("parts_total");
    AttributeValue finished = item.get("finished");
    return new AsyncAction(Items.text(item, "pk"), AsyncActionType.ofWire(Items.text(item, "type")),
        AsyncActionStatus.valueOf(Items.text(item, "status")), progress,
        total == null ? null : Integer.parseInt(total.n()), finished == null || !finished.hasSs() ? 0 : finished.ss().size(),
        Items.instant(item, "created_at"), Items.instant(item, "updated_at"), Items.instant(item, "finished_at"));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("pk", Items.s(id), "sk", Items.s(ACTION));
  }

  /** Writes them all, asking again for what DynamoDB left unprocessed. */
  private void batchWrite(List<WriteRequest> writes) {
    Map<String, List<WriteRequest>> request = Map.of(table, writes);
    for (int attempt = 1; !request.isEmpty(); attempt++) {
      if (attempt > 10) throw new IllegalStateException("DynamoDB kept rejected rows unprocessed");
      var pending = request;
      var response = dynamo.batchWriteItem(r -> r.requestItems(pending));
      request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      if (!request.isEmpty()) LockSupport.parkNanos(Math.min(1_000_000_000L, 20_000_000L << attempt));
    }
  }
}
