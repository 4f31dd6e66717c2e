package herald.domain.distributions;

import herald.domain.common.Ids;
import herald.domain.common.Text;
import java.time.Instant;

/**
 * When a manual distribution goes out: {@code sendAt}, under a schedule {@code id} that the delayed start job
 * carries. Scheduling again gives a new id, so a job of an earlier schedule finds itself superseded.
 */
public record SendSchedule(String id, Instant sendAt) {
  public SendSchedule {
    Text.required(id, "schedule_id");
    if (sendAt == null) throw new IllegalArgumentException("sendAt is required");
  }

  public static SendSchedule at(Instant sendAt) {
    return new SendSchedule(Ids.random("sch_"), sendAt);
  }
}
