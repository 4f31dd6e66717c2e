package herald.domain.distributions;

import herald.domain.common.Page;
import java.util.List;
import java.util.Optional;

/** Port: the distributions. */
public interface Distributions {
  Optional<Distribution> get(String id);

  /** Stores a new distribution; it must not exist yet. */
  void create(Distribution distribution);

  /** Replaces a distribution if its stored version is still {@code expectedVersion}; false otherwise. */
  boolean replace(Distribution distribution, long expectedVersion);

  /** Deletes a distribution if its stored version is still {@code expectedVersion}; false otherwise. */
  boolean delete(String id, long expectedVersion);

  /** The ACTIVE distributions whose trigger has this type: one indexed query. */
  List<Distribution> activeFor(String triggerType);

  /**
   * Distributions oldest first, optionally only those with a status and/or trigger type; a page holds
   * {@code limit} of them unless it is the last.
   */
  Page<Distribution> list(DistributionStatus status, String triggerType, String cursor, int limit);
}
