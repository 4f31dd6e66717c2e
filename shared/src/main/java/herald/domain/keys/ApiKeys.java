package herald.domain.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the API keys, each kept under an id derived from its secret's hash. */
public interface ApiKeys {
  /** Stores a new key; its id is new. */
  void create(ApiKey key);

  Optional<ApiKey> get(String id);

  /** Every key, revoked ones included, oldest first. */
  List<ApiKey> all();

  /** Sets revoked_at unless already set; false when there is no such key. */
  boolean revoke(String id, Instant at);

  /**
   * Records a use at {@code at} only when the key exists and its last use is missing or not after
   * {@code usedBefore} (one conditional write); true when it wrote.
   */
  boolean recordUse(String id, Instant at, Instant usedBefore);
}
