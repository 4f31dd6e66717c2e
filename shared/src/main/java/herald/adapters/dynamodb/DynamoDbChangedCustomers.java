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
 * index {@value #INDEX}: only marked items are in it. Clearing the mark removes both, on the condition that the
 * item is still the version evaluated.
 */
public final class DynamoDbChangedCustomers implements ChangedCustomers {
  static final String INDEX = "Pending";
  static final String SHARD = "pending_shard";
  static final String AT = "pending_at";
  static final String ERASED = "erased_at";
  /** The update clause that writes the mark, with {@link #mark}'s values. */
  static final String SET_MARK = SHARD + " = :pending_shard, " + AT + " = :pending_at";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final List<String> INDEX_KEY = List.of(SHARD, AT, "id");
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbChangedCustomers(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** The mark's attributes, to put in an item. */
  static Map<String, AttributeValue> markItem(String customerId, Instant at) {
    return Map.of(SHARD, Items.s(shard(ChangedCustomers.shardOf(customerId))), AT, Items.s(TIME.format(at)));
  }

  /** The mark's values for {@link #SET_MARK}. */
  static Map<String, AttributeValue> mark(String customerId, Instant at) {
    Map<String, AttributeValue> item = markItem(customerId, at);
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
          .updateExpression("REMOVE " + SHARD + ", " + AT).conditionExpression("#v = :v")
          .expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(Map.of(":v", Items.n(version))));
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
