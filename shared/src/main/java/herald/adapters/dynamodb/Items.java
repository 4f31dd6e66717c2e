package herald.adapters.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Small helpers to build and read DynamoDB items. Every item Herald writes says which layout it has in
 * {@value #SCHEMA}: a reader knows the layouts up to its own, reads an item without the attribute as layout 1
 * (what Herald wrote before items carried it), and refuses one written in a later layout rather than misread it.
 */
final class Items {
  static final String SCHEMA = "schema_version";

  private Items() {}

  /** The item's layout; throws when it is later than {@code latest}, the newest this Herald writes. */
  static int schema(Map<String, AttributeValue> item, int latest, String what) {
    AttributeValue value = item.get(SCHEMA);
    int schema = value == null ? 1 : Integer.parseInt(value.n());
    if (schema > latest) {
      throw new IllegalStateException(what + " is stored in layout " + schema + ", written by a later Herald; this "
          + "one reads layouts up to " + latest);
    }
    return schema;
  }

  /** {@code item} with its layout noted. */
  static Map<String, AttributeValue> withSchema(Map<String, AttributeValue> item, int schema) {
    item.put(SCHEMA, n(schema));
    return item;
  }

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
