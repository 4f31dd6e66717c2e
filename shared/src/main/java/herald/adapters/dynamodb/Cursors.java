package herald.adapters.dynamodb;

import herald.domain.Invalid;
import herald.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Opaque page cursors: a DynamoDB LastEvaluatedKey of string attributes, as URL-safe base64 JSON. */
final class Cursors {
  private Cursors() {}

  static String encode(Map<String, AttributeValue> key) {
    Map<String, String> plain = new HashMap<>();
    key.forEach((name, value) -> plain.put(name, value.s()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, AttributeValue> decode(String cursor) {
    try {
      var node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      Map<String, AttributeValue> key = new HashMap<>();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) throw new IllegalArgumentException("not a cursor");
        key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText()));
      });
      if (key.isEmpty()) throw new IllegalArgumentException("not a cursor");
      return key;
    } catch (RuntimeException e) {
      throw new Invalid("invalid_cursor", "cursor", "cursor is not one this API returned");
    }
  }
}
