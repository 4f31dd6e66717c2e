package herald.domain.fakes;

import herald.domain.limits.ConnectionSlots;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Connection slots in memory, with the adapter's rules: a slot is free when absent or its lease has ended. */
public final class InMemoryConnectionSlots implements ConnectionSlots {
  private final Map<String, Slot> held = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryConnectionSlots(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Optional<Slot> take(String pool, int size, Instant until) {
    Instant now = clock.instant();
    for (int i = 0; i < size; i++) {
      Slot current = held.get(pool + "#" + i);
      if (current == null || !current.until().isAfter(now)) {
        Slot slot = new Slot(pool, i, UUID.randomUUID().toString(), until);
        held.put(pool + "#" + i, slot);
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void giveBack(Slot slot) {
    held.remove(slot.pool() + "#" + slot.index(), slot);
  }

  /** The slots held now, in every pool. */
  public synchronized int held() {
    Instant now = clock.instant();
    return (int) held.values().stream().filter(s -> s.until().isAfter(now)).count();
  }
}
