package herald.domain.activity;

import herald.domain.common.Page;

/** Port: the activity log, newest first per subject. */
public interface Activity {
  void record(ActivityEntry entry);

  Page<ActivityEntry> of(String subject, String cursor, int limit);
}
