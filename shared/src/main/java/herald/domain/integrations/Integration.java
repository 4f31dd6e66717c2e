package herald.domain.integrations;

import java.time.Instant;
import java.util.List;

/**
 * A saved connection to a marketing tool, as the table holds it: never its credentials, only the names of the
 * credential fields that are set (they live in the {@link herald.domain.common.SecretStore} under
 * {@link #secretName()}). {@code apiBaseUrl} is null for the tool's own hosts.
 */
public record Integration(String id, String tool, String name, String apiBaseUrl, List<String> credentialsSet,
    long version, Instant createdAt, Instant updatedAt) {
  public Integration {
    credentialsSet = List.copyOf(credentialsSet);
  }

  /** Where its credentials are kept, relative to the stack's prefix. */
  public String secretName() {
    return secretName(id);
  }

  public static String secretName(String id) {
    return "integrations/" + id;
  }
}
