package herald.adapters.dynamodb;

import herald.domain.common.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Fills a page of {@code limit} items from a query with a filter, reading on as DynamoDB's own pages
 * come back short; the cursor is the key of the last item returned, so the next page starts right after it.
 */
final class ListPages {
  private ListPages() {}

  static <T> Page<T> collect(DynamoDbClient dynamo, QueryRequest.Builder query, String cursor, int limit,
      List<String> keyNames, String hashName, String hashValue, Function<Map<String, AttributeValue>, T> read) {
    List<T> items = new ArrayList<>();
    Map<String, AttributeValue> start = cursor == null ? null : Cursors.decode(cursor, keyNames, hashName, hashValue);
    while (true) {
      if (start != null) query.exclusiveStartKey(start);
      QueryResponse page = dynamo.query(query.limit(Math.max(limit, 25)).build());
      boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
      List<Map<String, AttributeValue>> got = page.items();
      for (int i = 0; i < got.size(); i++) {
        items.add(read.apply(got.get(i)));
        if (items.size() == limit) {
          boolean lastOfAll = i == got.size() - 1 && !more;
          return new Page<>(items, lastOfAll ? null : Cursors.encode(key(got.get(i), keyNames)));
        }
      }
      if (!more) return new Page<>(items, null);
      start = page.lastEvaluatedKey();
    }
  }

  private static Map<String, AttributeValue> key(Map<String, AttributeValue> item, List<String> names) {
    Map<String, AttributeValue> key = new HashMap<>();
    names.forEach(name -> key.put(name, item.get(name)));
    return key;
  }
}
