package herald.adapters.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to build and read DynamoDB items. */
final class Items {
  private Items() {}

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) item.put(name, s(value));
  }

  static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  static Instant instant(Map<String, AttributeValue> item, String name) {
    String value = text(item, name);
    return value == null ? null : Instant.parse(value);
  }

  static Map<String, AttributeValue> key(String name, String value) {
    return Map.of(name, s(value));
  }
}
