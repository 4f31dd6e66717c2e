package herald.domain.fakes;

import herald.domain.intake.EventKeys;
import java.util.HashSet;
import java.util.Set;

/** Event keys in a set: a claim is true only the first time until the key is released. */
public final class InMemoryEventKeys implements EventKeys {
  private final Set<String> keys = new HashSet<>();

  @Override
  public synchronized boolean claim(String key) {
    return keys.add(key);
  }

  @Override
  public synchronized void release(String key) {
    keys.remove(key);
  }

  public synchronized boolean holds(String key) {
    return keys.contains(key);
  }
}
