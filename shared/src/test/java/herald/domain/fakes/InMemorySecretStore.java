package herald.domain.fakes;

import herald.domain.common.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in memory. */
public final class InMemorySecretStore implements SecretStore {
  private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

  @Override
  public void put(String name, Map<String, String> values) {
    secrets.put(name, Map.copyOf(values));
  }

  @Override
  public Optional<Map<String, String>> get(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public void delete(String name) {
    secrets.remove(name);
  }

  public Map<String, Map<String, String>> all() {
    return Map.copyOf(secrets);
  }
}
