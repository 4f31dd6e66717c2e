package herald.domain.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys in a map, with the port's conditions; counts reads and writes so tests can check the cost. */
public final class InMemoryApiKeys implements ApiKeys {
  private final Map<String, ApiKey> keys = new LinkedHashMap<>();
  public int reads;
  public int useWrites;
  public RuntimeException failUses;

  @Override
  public synchronized void create(ApiKey key) {
    if (keys.putIfAbsent(key.id(), key) != null) throw new IllegalStateException("duplicate " + key.id());
  }

  @Override
  public synchronized Optional<ApiKey> get(String id) {
    reads++;
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public synchronized List<ApiKey> all() {
    List<ApiKey> all = new ArrayList<>(keys.values());
    all.sort(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id));
    return all;
  }

  @Override
  public synchronized boolean revoke(String id, Instant at) {
    ApiKey k = keys.get(id);
    if (k == null) return false;
    if (k.revokedAt() == null) {
      keys.put(id, new ApiKey(k.id(), k.name(), k.secretHash(), k.createdAt(), k.lastUsedAt(), at));
    }
    return true;
  }

  @Override
  public synchronized boolean recordUse(String id, Instant at, Instant usedBefore) {
    if (failUses != null) throw failUses;
    ApiKey k = keys.get(id);
    if (k == null || (k.lastUsedAt() != null && k.lastUsedAt().isAfter(usedBefore))) return false;
    useWrites++;
    keys.put(id, new ApiKey(k.id(), k.name(), k.secretHash(), k.createdAt(), at, k.revokedAt()));
    return true;
  }
}
