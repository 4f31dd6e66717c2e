package herald.domain.keys;

/** A key just created, with its secret: the only time the secret is known outside the caller. */
public record IssuedKey(ApiKey key, String secret) {
  @Override
  public String toString() {
    return "IssuedKey[key=" + key.id() + ", secret=***]";
  }
}
