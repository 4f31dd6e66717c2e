package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Distributions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Distributions in a map: create refuses an existing id, replace checks the stored version,
 * activeFor returns only ACTIVE ones whose trigger has that type.
 */
public final class InMemoryDistributions implements Distributions {
  private final Map<String, Distribution> distributions = new LinkedHashMap<>();
  private Runnable beforeNextReplace;
  private int replaces;

  @Override
  public synchronized Optional<Distribution> get(String id) {
    return Optional.ofNullable(distributions.get(id));
  }

  @Override
  public synchronized void create(Distribution distribution) {
    if (distributions.containsKey(distribution.id())) {
      throw new IllegalStateException("distribution " + distribution.id() + " exists");
    }
    distributions.put(distribution.id(), distribution);
  }

  @Override
  public boolean replace(Distribution distribution, long expectedVersion) {
    Runnable hook;
    synchronized (this) {
      hook = beforeNextReplace;
      beforeNextReplace = null;
    }
    if (hook != null) hook.run();
    synchronized (this) {
      Distribution stored = distributions.get(distribution.id());
      if (stored == null || stored.version() != expectedVersion) return false;
      distributions.put(distribution.id(), distribution);
      replaces++;
      return true;
    }
  }

  @Override
  public synchronized List<Distribution> activeFor(String triggerType) {
    List<Distribution> active = new ArrayList<>();
    for (Distribution d : distributions.values()) {
      if (d.status() == DistributionStatus.ACTIVE && d.trigger().type().equals(triggerType)) active.add(d);
    }
    return active;
  }

  @Override
  public synchronized boolean delete(String id, long expectedVersion) {
    Distribution stored = distributions.get(id);
    if (stored == null || stored.version() != expectedVersion) return false;
    distributions.remove(id);
    return true;
  }

  /** Oldest first (insertion order), filtered; the cursor is the index of the next item. */
  @Override
  public synchronized Page<Distribution> list(DistributionStatus status, String triggerType, String cursor,
      int limit) {
    List<Distribution> matching = distributions.values().stream()
        .filter(d -> status == null || d.status() == status)
        .filter(d -> triggerType == null || d.trigger().type().equals(triggerType)).toList();
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(matching.size(), from + limit);
    return new Page<>(matching.subList(from, to), to < matching.size() ? Integer.toString(to) : null);
  }

  /** Runs once, just before the next replace checks the version: another caller changing it meanwhile. */
  public synchronized void beforeNextReplace(Runnable concurrentChange) {
    this.beforeNextReplace = concurrentChange;
  }

  public synchronized List<Distribution> all() {
    return List.copyOf(distributions.values());
  }

  /** How many replaces were written. */
  public synchronized int replaces() {
    return replaces;
  }
}
