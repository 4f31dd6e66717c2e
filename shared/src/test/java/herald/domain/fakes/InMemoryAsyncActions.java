package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Async actions in maps, each page counted once, DONE when every part is finished, like the real store. */
public final class InMemoryAsyncActions implements AsyncActions {
  private final Clock clock;
  private final Map<String, AsyncAction> actions = new HashMap<>();
  private final Map<String, Set<String>> pages = new HashMap<>();
  private final Map<String, Set<String>> finished = new HashMap<>();
  private final Map<String, TreeMap<Long, RejectedRow>> rejected = new HashMap<>();

  public InMemoryAsyncActions(Clock clock) {
    this.clock = clock;
  }

  @Override public synchronized void create(AsyncAction action) {
    if (actions.putIfAbsent(action.id(), action) != null) throw new IllegalStateException("exists: " + action.id());
    pages.put(action.id(), new HashSet<>());
    finished.put(action.id(), new HashSet<>());
    rejected.put(action.id(), new TreeMap<>());
  }

  @Override public synchronized Optional<AsyncAction> get(String id) {
    return Optional.ofNullable(actions.get(id));
  }

  @Override public synchronized boolean record(String actionId, Progress page) {
    AsyncAction action = actions.get(actionId);
    if (action == null || !pages.get(actionId).add(page.pageId())) return false;
    page.rejected().forEach(row -> rejected.get(actionId).put(row.line(), row));
    if (page.finishedPart() != null) finished.get(actionId).add(page.finishedPart());
    update(action, action.parts(), page.counts());
    return true;
  }

  @Override public synchronized void total(String actionId, int parts, Map<String, Long> counts) {
    AsyncAction action = actions.get(actionId);
    if (action == null) throw new IllegalStateException("no action " + actionId);
    update(action, parts, counts);
  }

  @Override public synchronized Page<RejectedRow> rejected(String actionId, String cursor, int limit) {
    List<RejectedRow> rows = new ArrayList<>(rejected.getOrDefault(actionId, new TreeMap<>())
        .tailMap(cursor == null ? 0 : Long.parseLong(cursor), false).values());
    if (rows.size() <= limit) return new Page<>(rows, null);
    return new Page<>(rows.subList(0, limit), Long.toString(rows.get(limit - 1).line()));
  }

  public synchronized int pagesRecorded(String actionId) {
    return pages.get(actionId).size();
  }

  private void update(AsyncAction action, Integer parts, Map<String, Long> counts) {
    Map<String, Long> progress = new TreeMap<>(action.progress());
    counts.forEach((name, n) -> progress.merge(name, n, Long::sum));
    int done = finished.get(action.id()).size();
    boolean complete = action.status() == AsyncActionStatus.DONE || (parts != null && done >= parts);
    actions.put(action.id(), new AsyncAction(action.id(), action.type(),
        complete ? AsyncActionStatus.DONE : AsyncActionStatus.IN_PROGRESS, progress, parts, done, action.createdAt(),
        clock.instant(), action.finishedAt() != null ? action.finishedAt() : complete ? clock.instant() : null));
  }
}
