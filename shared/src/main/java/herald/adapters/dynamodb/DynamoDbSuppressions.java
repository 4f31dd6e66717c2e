package herald.adapters.dynamodb;

import herald.domain.common.Invalid;
import herald.domain.common.Page;
import herald.domain.suppressions.Suppression;
import herald.domain.suppressions.Suppressions;
import herald.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** The suppression list in DynamoDB: one item per lowercased address (key {@code address}). */
public final class DynamoDbSuppressions implements Suppressions {
  static final int SCHEMA = 1;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbSuppressions(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean contains(String email) {
    var item = dynamo.getItem(r -> r.tableName(table).key(key(email)).consistentRead(true)
        .projectionExpression("address")).item();
    return item != null && !item.isEmpty();
  }

  /** Consistent {@code BatchGetItem}s of up to 100 addresses, the unprocessed keys asked again. */
  @Override
  public Set<String> suppressed(Collection<String> emails) {
    List<String> addresses = emails.stream().map(Suppression::normalize).distinct().toList();
    Set<String> found = new HashSet<>();
    for (int from = 0; from < addresses.size(); from += 100) {
      Map<String, KeysAndAttributes> wanted = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
          .projectionExpression("address").keys(addresses.subList(from, Math.min(from + 100, addresses.size()))
              .stream().map(address -> Items.key("address", address)).toList()).build());
      while (!wanted.isEmpty()) {
        var answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(wanted).build());
        answer.responses().getOrDefault(table, List.of()).forEach(item -> found.add(Items.text(item, "address")));
        wanted = answer.unprocessedKeys();
      }
    }
    return found;
  }

  @Override
  public void add(String email, String reason, Instant at) {
    Suppression s = new Suppression(email, reason, at);
    try {
      dynamo.putItem(r -> r.tableName(table).conditionExpression("attribute_not_exists(address)")
          .item(Map.of("address", Items.s(s.address()), "reason", Items.s(s.reason()),
              "created_at", Items.s(at.toString()), Items.SCHEMA, Items.n(SCHEMA))));
    } catch (ConditionalCheckFailedException e) {
      // already on the list: it keeps its first reason and time
    }
  }

  @Override
  public Page<Suppression> list(String cursor, int limit) {
    ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true).limit(limit);
    if (cursor != null) scan.exclusiveStartKey(Map.of("address", Items.s(decode(cursor))));
    ScanResponse page = dynamo.scan(scan.build());
    List<Suppression> items = page.items().stream().map(DynamoDbSuppressions::read).toList();
    boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
    return new Page<>(items, more ? Cursors.encode(page.lastEvaluatedKey()) : null);
  }

  @Override
  public boolean remove(String email) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(key(email)).conditionExpression("attribute_exists(address)"));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Suppression read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "suppression");
    return new Suppression(Items.text(item, "address"), Items.text(item, "reason"), Items.instant(item, "created_at"));
  }

  private static Map<String, AttributeValue> key(String email) {
    return Items.key("address", Suppression.normalize(email));
  }

  /** The address in a cursor this adapter made ({@link Cursors#encode} of {@code {address}}). */
  private static String decode(String cursor) {
    try {
      var node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (node.isObject() && node.size() == 1 && node.path("address").isTextual()) return node.get("address").asText();
    } catch (RuntimeException e) {
      // refused below
    }
    throw new Invalid("invalid_cursor", "cursor", "cursor is not one this API returned");
  }
}
