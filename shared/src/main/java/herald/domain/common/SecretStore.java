package herald.domain.common;

import java.util.Map;
import java.util.Optional;

/**
 * Where Herald keeps what must never be readable from a table: tool credentials and webhook secrets, each secret a
 * set of named texts under a name relative to the stack's prefix ({@code integrations/int_...}). An adapter may
 * cache what it read for a short time.
 */
public interface SecretStore {
  /** Creates or replaces the secret {@code name}. */
  void put(String name, Map<String, String> values);

  /** The secret's values, or empty when there is none. */
  Optional<Map<String, String>> get(String name);

  /** Deletes the secret; nothing happens when there is none. */
  void delete(String name);
}
