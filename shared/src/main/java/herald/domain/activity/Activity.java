package herald.domain.activity;

import herald.domain.common.Page;

/** Port: the activity log, newest first per subject. */
public interface Activity {
  void record(ActivityEntry entry);

  /**
   * Records the entry unless the subject has one with the same time and action already (a conditional write);
   * false then. Callers round the time to make it once per period (once an hour: the hour).
   */
  boolean recordOnce(ActivityEntry entry);

  Page<ActivityEntry> of(String subject, String cursor, int limit);
}
