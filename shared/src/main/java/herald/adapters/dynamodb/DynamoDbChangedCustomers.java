package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.StoredCustomer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The marks of changed customers on their items in the customers table ({@link DynamoDbCustomers} writes them with
 * every save and erase): {@code pending_shard} (the customer's shard, "0" to "15") and {@code pending_at} (the time
 * of the latest save, UTC to the millisecond, fixed width so that text order is time order), the keys of the sparse
 * index {@value #INDEX}: only marked items are in it; and {@code pending_version}, the version the latest marked
 * change saved (a behaviour change that no segment tells apart bumps the version unmarked, {@link
 * DynamoDbCustomers#saveBehaviour}). Clearing the mark removes the three, on the condition that the item is still
 * the version evaluated or that no marked change was saved after it (an erase removes {@code pending_version}, so
 * its tombstone's mark is cleared only at its own version).
 */
public final class DynamoDbChangedCustomers implements ChangedCustomers {
  static final String INDEX = "Pending";
  static final String SHARD = "pending_shard";
  static final String AT = "pending_at";
  static final String MARKED_VERSION = "pending_version";
  static final String ERASED = "erased_at";
  /** The update clause that writes the mark of a save, with {@link #mark}'s values. */
  static final String SET_MARK = SHARD + " = :pending_shard, " + AT + " = :pending_at, " + MARKED_VERSION
      + " = :pending_version";
  /** The update clause that writes the mark of an erase, with {@link #eraseMark}'s values. */
  static final String SET_ERASE_MARK = SHARD + " = :pending_shard, " + AT + " = :pending_at";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final List<String> INDEX_KEY = List.of(SHARD, AT, "id");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbChangedCustomers(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The mark's attributes, to put in an item saved at {@code version}. */
  static Map<String, AttributeValue> markItem(String customerId, Instant at, long version) {
    return Map.of(SHARD, Items.s(shard(ChangedCustomers.shardOf(customerId))), AT, Items.s(TIME.format(at)),
        MARKED_VERSION, Items.n(version));
  }

  /** The mark's values for {@link #SET_MARK}, of a save at {@code version}. */
  static Map<String, AttributeValue> mark(String customerId, Instant at, long version) {
    Map<String, AttributeValue> item = markItem(customerId, at, version);
    return Map.of(":pending_shard", item.get(SHARD), ":pending_at", item.get(AT), ":pending_version",
        item.get(MARKED_VERSION));
  }

  /** The mark's values for {@link #SET_ERASE_MARK}. */
  static Map<String, AttributeValue> eraseMark(String customerId, Instant at) {
    Map<String, AttributeValue> item = markItem(customerId, at, 0);
    return Map.of(":pending_shard", item.get(SHARD), ":pending_at", item.get(AT));
  }

  @Override
  public Optional<StoredCustomer> stored(String customerId) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", customerId)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    Items.schema(item, DynamoDbCustomers.SCHEMA, "customer " + customerId);
    if (!DynamoDbCustomers.erased(item)) return Optional.of(StoredCustomer.of(DynamoDbCustomers.read(item)));
    return Optional.of(StoredCustomer.erased(customerId, Items.text(item, "source_id"),
        Long.parseLong(item.get("version").n())));
  }

  @Override
  public void settled(String customerId, long version) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", customerId))
          .updateExpression("REMOVE " + SHARD + ", " + AT + ", #pv").conditionExpression("#v = :v OR #pv <= :v")
          .expressionAttributeNames(Map.of("#v", "version", "#pv", MARKED_VERSION))
          .expressionAttributeValues(Map.of(":v", Items.n(version))));
    } catch (ConditionalCheckFailedException e) {
      // saved again since (its mark is its own) or gone
    }
  }

  @Override
  public void forget(String customerId, long version) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", customerId))
          .conditionExpression("attribute_exists(" + ERASED + ") AND #v = :v")
          .expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(Map.of(":v", Items.n(version))));
    } catch (ConditionalCheckFailedException e) {
      // forgotten already (no save replaces a tombstone)
    }
  }

  @Override
  public Page<String> markedBefore(int shard, Instant before, String cursor, int limit) {
    if (shard < 0 || shard >= SHARDS || limit < 1) {
      throw new IllegalArgumentException("shard " + shard + ", limit " + limit);
    }
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(INDEX)
        .keyConditionExpression(SHARD + " = :shard AND " + AT + " < :before")
        .expressionAttributeValues(Map.of(":shard", Items.s(shard(shard)), ":before", Items.s(TIME.format(before))));
    return ListPages.collect(dynamo, query, cursor, limit, INDEX_KEY, SHARD, shard(shard), item -> item.get("id").s());
  }

  private static String shard(int shard) {
    return Integer.toString(shard);
  }
}
