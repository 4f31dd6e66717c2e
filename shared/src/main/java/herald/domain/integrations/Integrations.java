package herald.domain.integrations;

import herald.domain.common.Page;
import java.util.Optional;

/** The saved integrations (their credentials are not here: see {@link Integration}). */
public interface Integrations {
  Optional<Integration> get(String id);

  void create(Integration integration);

  /** Replaces it if still at {@code expectedVersion}; false when another call changed it first. */
  boolean replace(Integration integration, long expectedVersion);

  boolean delete(String id);

  /** Oldest first. */
  Page<Integration> list(String cursor, int limit);
}
