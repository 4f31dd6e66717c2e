package herald.domain.jobs;

import herald.domain.common.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Work done in the background, in parts. {@code progress} holds its counters (for an import: rows_read,
 * imported, unchanged, rejected; for a segment evaluation: customers_evaluated, entered, left).
 * {@code parts} is how many parts there are, null while that is not known yet (an import still being read);
 * the action is DONE once {@code partsDone} reaches it.
 */
public record AsyncAction(String id, AsyncActionType type, AsyncActionStatus status, Map<String, Long> progress, Integer parts,
    int partsDone, Instant createdAt, Instant updatedAt, Instant finishedAt) {
  public static final String PREFIX = "act_";

  public AsyncAction {
    Text.required(id, "id");
    if (type == null || status == null) throw new IllegalArgumentException("type and status are required");
    progress = progress == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(progress));
  }

  /** A new action, nothing done yet. */
  public static AsyncAction start(String id, AsyncActionType type, Integer parts, Instant now) {
    return new AsyncAction(id, type, AsyncActionStatus.IN_PROGRESS, Map.of(), parts, 0, now, now, null);
  }

  public long count(String counter) {
    return progress.getOrDefault(counter, 0L);
  }
}
