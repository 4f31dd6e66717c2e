package herald.adapters.dynamodb;

import java.util.ArrayList;
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
 * Deletes the first items of one membership shard (partition {@code pk} of the table itself, not the sparse
 * members index, so former members go too): reads their keys consistently, then deletes them with
 * BatchWriteItem, {@value #BATCH} a call, asking again with backoff for what DynamoDB left unprocessed.
 */
final class ShardPurge {
  static final int BATCH = 25;
  private static final int ATTEMPTS = 10;

  private ShardPurge() {}

  static int purge(DynamoDbClient dynamo, String table, String pk, int limit) {
    List<Map<String, AttributeValue>> keys = keys(dynamo, table, pk, limit);
    for (int from = 0; from < keys.size(); from += BATCH) {
      delete(dynamo, table, keys.subList(from, Math.min(keys.size(), from + BATCH)));
    }
    return keys.size();
  }

  /** The keys of the shard's first {@code limit} items, reading on when DynamoDB's own page comes back short. */
  private static List<Map<String, AttributeValue>> keys(DynamoDbClient dynamo, String table, String pk, int limit) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true)
          .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", Items.s(pk)))
          .projectionExpression("pk, customer_id").limit(limit - keys.size());
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
      if (attempt > ATTEMPTS) throw new IllegalStateException("DynamoDB kept membership deletes unprocessed");
      Map<String, List<WriteRequest>> pending = request;
      var response = dynamo.batchWriteItem(r -> r.requestItems(pending));
      request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      if (!request.isEmpty()) LockSupport.parkNanos(Math.min(1_000_000_000L, 20_000_000L << attempt));
    }
  }
}
