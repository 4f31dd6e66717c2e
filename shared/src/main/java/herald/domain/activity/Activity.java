package herald.domain.activity;

import herald.domain.common.Page;
import java.time.Duration;

/** Port: the activity log, newest first per subject; each entry is kept {@link #KEPT} and then expires. */
public interface Activity {
  Duration KEPT = Duration.ofDays(90);

  /** Writes nothing: for uses that keep no log (tests of other things, event-triggered paths wired by hand). */
  Activity NONE = new Activity() {
    @Override public void record(ActivityEntry entry) {}

    @Override public boolean recordOnce(ActivityEntry entry) {
      return true;
    }

    @Override public void tally(ActivityEntry entry, long count) {}

    @Override public Page<ActivityEntry> of(String subject, String cursor, int limit) {
      return new Page<>(java.util.List.of(), null);
    }
  };

  void record(ActivityEntry entry);

  /**
   * Records the entry unless the subject has one with the same time and action already (a conditional write);
   * false then. Callers round the time to make it once per period (once an hour: the hour).
   */
  boolean recordOnce(ActivityEntry entry);

  /**
   * Records the entry the first time, and adds one to its {@code count} each time: one entry per subject, time and
   * action, however often it happens. Callers round the time to sample (once a minute: the minute).
   */
  default void tally(ActivityEntry entry) {
    tally(entry, 1);
  }

  /** As {@link #tally(ActivityEntry)} for {@code count} (at least 1) occurrences at once, in one write. */
  void tally(ActivityEntry entry, long count);

  Page<ActivityEntry> of(String subject, String cursor, int limit);
}
