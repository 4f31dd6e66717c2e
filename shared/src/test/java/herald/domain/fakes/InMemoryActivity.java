package herald.domain.fakes;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.common.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The activity log in a list; of() returns a subject's entries newest first, all on one page. */
public final class InMemoryActivity implements Activity {
  private final List<ActivityEntry> entries = new ArrayList<>();
  private int tallies;

  @Override
  public synchronized void record(ActivityEntry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized boolean recordOnce(ActivityEntry entry) {
    boolean seen = entries.stream().anyMatch(e -> e.subject().equals(entry.subject()) && e.at().equals(entry.at())
        && e.action().equals(entry.action()));
    if (!seen) entries.add(entry);
    return !seen;
  }

  @Override
  public synchronized void tally(ActivityEntry entry, long count) {
    tallies++;
    for (int i = 0; i < entries.size(); i++) {
      ActivityEntry e = entries.get(i);
      if (e.subject().equals(entry.subject()) && e.at().equals(entry.at()) && e.action().equals(entry.action())) {
        java.util.Map<String, Object> details = new java.util.HashMap<>(e.details());
        details.merge("count", count, (a, b) -> ((Number) a).longValue() + count);
        entries.set(i, new ActivityEntry(e.subject(), e.at(), e.actor(), e.action(), e.version(), details));
        return;
      }
    }
    java.util.Map<String, Object> details = new java.util.HashMap<>(entry.details());
    details.put("count", count);
    entries.add(new ActivityEntry(entry.subject(), entry.at(), entry.actor(), entry.action(), entry.version(), details));
  }

  @Override
  public synchronized Page<ActivityEntry> of(String subject, String cursor, int limit) {
    List<ActivityEntry> found = entries.stream().filter(e -> e.subject().equals(subject))
        .sorted(Comparator.comparing(ActivityEntry::at).reversed()).limit(limit).toList();
    return new Page<>(found, null);
  }

  /** How many tally writes there were. */
  public synchronized int tallies() {
    return tallies;
  }

  public synchronized List<ActivityEntry> all() {
    return List.copyOf(entries);
  }
}
