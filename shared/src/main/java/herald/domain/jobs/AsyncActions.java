package herald.domain.jobs;

import herald.domain.common.Page;
import java.util.Map;
import java.util.Optional;

/** Port: the async actions, their progress and the rows they rejected. */
public interface AsyncActions {
  void create(AsyncAction action);

  Optional<AsyncAction> get(String id);

  /**
   * Adds a page's counts and rejected rows to the action, once per page id: a page recorded before changes
   * nothing and gives false. The action becomes DONE when this finishes its last part.
   */
  boolean record(String actionId, Progress page);

  /** Sets the number of parts once known, adding {@code counts}; DONE if they are all finished already. */
  void total(String actionId, int parts, Map<String, Long> counts);

  /** The rejected rows recorded so far, in line order. */
  Page<RejectedRow> rejected(String actionId, String cursor, int limit);
}
