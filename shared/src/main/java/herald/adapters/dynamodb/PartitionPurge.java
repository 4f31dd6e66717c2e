package herald.adapters.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes the first items of one partition: of the table itself (read consistently), or of an index (eventually
 * consistent: an item deleted a moment ago may be found and deleted again, which does no harm). Reads their keys,
 * then deletes them with BatchWriteItem, {@value #BATCH} a call, asking again with backoff for what DynamoDB left
 * unprocessed. Used for a deleted segment's membership shards and a deleted campaign's codes and publications.
 */
final class PartitionPurge {
  static final int BATCH = 25;
  private static final int ATTEMPTS = 10;

  /** Where to look: the partition {@code hash = value} of {@code index} (null: the table), and the table's key. */
  record Partition(String table, String index, String hash, String value, List<String> tableKey) {}

  private PartitionPurge() {}

  /** Deletes the partition's first {@code limit} items: how many it deleted (fewer: the partition is now empty). */
  static int purge(DynamoDbClient dynamo, Partition partition, int limit) {
    String table = partition.table();
    List<Map<String, AttributeValue>> keys = keys(dynamo, partition, limit);
    for (int from = 0; from < keys.size(); from += BATCH) {
      delete(dynamo, table, keys.subList(from, Math.min(keys.size(), from + BATCH)));
    }
    return keys.size();
  }

  /** The keys of the partition's first {@code limit} items, reading on when DynamoDB's own page comes back short. */
  private static List<Map<String, AttributeValue>> keys(DynamoDbClient dynamo, Partition partition, int limit) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    Map<String, String> names = new HashMap<>();
    for (int i = 0; i < partition.tableKey().size(); i++) names.put("#k" + i, partition.tableKey().get(i));
    names.put("#hash", partition.hash());
    String projection = String.join(", ", names.keySet().stream().filter(n -> n.startsWith("#k")).sorted().toList());
    do {
      QueryRequest.Builder query = QueryRequest.builder().tableName(partition.table())
          .consistentRead(partition.index() == null).indexName(partition.index())
          .keyConditionExpression("#hash = :hash").expressionAttributeValues(Map.of(":hash", Items.s(partition.value())))
          .expressionAttributeNames(names).projectionExpression(projection).limit(limit - keys.size());
      if (start != null) query.exclusiveStartKey(start);
      QueryResponse page = dynamo.query(query.build());
      keys.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && keys.size() < limit);
    return keys;
  }

  private static void delete(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
    List<WriteRequest> deletes = keys.stream()
        .map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build()).toList();
    Map<String, List<WriteRequest>> request = Map.of(table, deletes);
    for (int attempt = 1; !request.isEmpty(); attempt++) {
      if (attempt > ATTEMPTS) throw new IllegalStateException("DynamoDB kept deletes of " + table + " unprocessed");
      Map<String, List<WriteRequest>> pending = request;
      var response = dynamo.batchWriteItem(r -> r.requestItems(pending));
      request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      if (!request.isEmpty()) LockSupport.parkNanos(Math.min(1_000_000_000L, 20_000_000L << attempt));
    }
  }
}
