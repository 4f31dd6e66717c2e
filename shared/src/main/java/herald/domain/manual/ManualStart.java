package herald.domain.manual;

import herald.domain.common.Text;

/** The delayed job that starts a manual send: the distribution, and the schedule it was put on the queue for. */
public record ManualStart(String distributionId, String scheduleId) {
  public ManualStart {
    Text.required(distributionId, "distribution_id");
    Text.required(scheduleId, "schedule_id");
  }
}
