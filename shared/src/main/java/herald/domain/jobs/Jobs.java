package herald.domain.jobs;

import java.time.Duration;
import java.util.List;

/** Port: the queue of background jobs. */
public interface Jobs {
  /** Queues the jobs, each to be taken no sooner than {@code delay} from now (at most 15 minutes). */
  void put(List<? extends Job> jobs, Duration delay);

  default void put(List<? extends Job> jobs) {
    put(jobs, Duration.ZERO);
  }
}
