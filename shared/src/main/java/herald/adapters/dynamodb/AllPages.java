package herald.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Every item of a query or a scan, DynamoDB's pages read one after another. Not the SDK's paginators: one
 * re-builds its request with a user-agent override, and that call makes ProGuard keep every request class of
 * every SDK service in the functions' shrunk jars (bench/README.md, "Jar sizes and cold start").
 */
final class AllPages {
  private AllPages() {}

  static List<Map<String, AttributeValue>> query(DynamoDbClient dynamo, QueryRequest.Builder query) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    while (true) {
      QueryResponse page = dynamo.query(query.build());
      items.addAll(page.items());
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) return items;
      query.exclusiveStartKey(page.lastEvaluatedKey());
    }
  }

  static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, ScanRequest.Builder scan) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    while (true) {
      ScanResponse page = dynamo.scan(scan.build());
      items.addAll(page.items());
      if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) return items;
      scan.exclusiveStartKey(page.lastEvaluatedKey());
    }
  }
}
