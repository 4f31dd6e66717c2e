package herald.domain.jobs;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** The work behind one kind of background job; {@link RunJob} picks it by the job's class. */
public interface JobWork {
  Class<? extends Job> kind();

  /**
   * Does the job (of {@link #kind()}) while {@code timeLeft} says there is time for more (always some of it). Gives
   * what it did, for the log: empty for a part of an async action, which records its progress on the action.
   */
  Map<String, String> run(Job job, BooleanSupplier timeLeft);
}
