package herald.domain.keys;

import java.time.Instant;

/**
 * A stored API key: its name and times, and the SHA-256 of its secret (never the secret itself).
 * {@code lastUsedAt} is recorded at most about once a minute; {@code revokedAt} is set once and kept.
 */
public record ApiKey(String id, String name, String secretHash, Instant createdAt, Instant lastUsedAt,
    Instant revokedAt) {
  public boolean revoked() {
    return revokedAt != null;
  }
}
