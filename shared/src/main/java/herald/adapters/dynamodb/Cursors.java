package herald.adapters.dynamodb;

import herald.domain.common.Invalid;
import herald.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors: a DynamoDB LastEvaluatedKey of string attributes, as URL-safe base64 JSON. A cursor that is
 * too long, or holds an empty or oversized key value (which DynamoDB refuses), is refused as {@code invalid_cursor}.
 */
final class Cursors {
  /** Longer than any cursor Herald writes: a few key attributes, each an id or a timestamp key. */
  static final int MAX_LENGTH = 4096;
  /** DynamoDB's limit for a sort key (a partition key may take 2,048): a key value can never be longer. */
  static final int MAX_VALUE_BYTES = 1024;
  private Cursors() {}

  static String encode(Map<String, AttributeValue> key) {
    Map<String, String> plain = new HashMap<>();
    key.forEach((name, value) -> plain.put(name, value.s()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor of the page after this one, or null on the last page. */
  static String next(software.amazon.awssdk.services.dynamodb.model.QueryResponse page) {
    return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? encode(page.lastEvaluatedKey()) : null;
  }

  /**
   * A cursor of a page of the same query: keyed by exactly these attributes, with the query's own
   * partition value in {@code hashName}; anything else is refused.
   */
  static Map<String, AttributeValue> decode(String cursor, java.util.Collection<String> keyNames, String hashName,
      String hashValue) {
    Map<String, AttributeValue> key = decode(cursor);
    if (!key.keySet().equals(java.util.Set.copyOf(keyNames)) || !hashValue.equals(key.get(hashName).s())) {
      throw new Invalid("invalid_cursor", "cursor", "cursor is not one this API returned");
    }
    return key;
  }

  private static Map<String, AttributeValue> decode(String cursor) {
    if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw new Invalid("invalid_cursor", "cursor", "cursor is not one this API returned");
    }
    try {
      var node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      Map<String, AttributeValue> key = new HashMap<>();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()
            || e.getValue().asText().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
          throw new IllegalArgumentException("not a cursor");
        }
        key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText()));
      });
      if (key.isEmpty()) throw new IllegalArgumentException("not a cursor");
      return key;
    } catch (RuntimeException e) {
      throw new Invalid("invalid_cursor", "cursor", "cursor is not one this API returned");
    }
  }
}
