package herald.domain.segments.rules;

import herald.domain.customers.Customer;
import java.util.Map;

/**
 * A value in the customer's metadata: {@code metadata.plan}, or with more dots a value in nested objects
 * ({@code metadata.address.city}). A key that itself contains dots is found too: at each level the walk tries
 * the next part alone first, then joined with the parts after it ({@code metadata.utm.source} finds
 * {@code {"utm": {"source": ..}}} and, failing that, {@code {"utm.source": ..}}). The keys to try are joined
 * once, when the field is made, so reading allocates nothing. JSON null and the empty string count as missing
 * (a CSV import's empty cell is no value).
 */
public final class MetadataField implements Field {
  private static final String PREFIX = "metadata.";
  private static final int MAX_PARTS = 16;

  private final String path;
  /** keys[from][k]: the parts from {@code from} to {@code from + k} joined by dots. */
  private final String[][] keys;

  private MetadataField(String path, String[] parts) {
    this.path = path;
    this.keys = new String[parts.length][];
    for (int from = 0; from < parts.length; from++) {
      keys[from] = new String[parts.length - from];
      StringBuilder key = new StringBuilder();
      for (int to = from; to < parts.length; to++) {
        if (to > from) key.append('.');
        keys[from][to - from] = key.append(parts[to]).toString();
      }
    }
  }

  static MetadataField named(String path) {
    if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()) return null;
    String[] parts = path.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length > MAX_PARTS) return null;
    for (String part : parts) {
      if (part.isEmpty()) return null;
    }
    return new MetadataField(path, parts);
  }

  @Override public String path() {
    return path;
  }

  @Override public FieldKind kind() {
    return FieldKind.ANY;
  }

  @Override public Object value(Customer customer) {
    Object value = find(customer.metadata(), 0);
    return "".equals(value) ? null : value;
  }

  private Object find(Object node, int from) {
    if (!(node instanceof Map<?, ?> map)) return null;
    String[] candidates = keys[from];
    for (int k = 0; k < candidates.length; k++) {
      Object value = map.get(candidates[k]);
      if (value == null) continue;
      int next = from + k + 1;
      if (next == keys.length) return value;
      Object found = find(value, next);
      if (found != null) return found;
    }
    return null;
  }

  @Override public boolean equals(Object other) {
    return other instanceof MetadataField field && field.path.equals(path);
  }

  @Override public int hashCode() {
    return path.hashCode();
  }

  @Override public String toString() {
    return path;
  }
}
