package herald.domain.keys;

/** What a presented secret turned out to be. */
public sealed interface Authentication {
  /** A valid key; {@code key} is null for the deployment key, whose actor is "root". */
  record Granted(String actor, ApiKey key) implements Authentication {}

  /** A stored key that was revoked. */
  record Revoked(ApiKey key) implements Authentication {}

  /** No key has this secret. */
  record Unknown() implements Authentication {}
}
