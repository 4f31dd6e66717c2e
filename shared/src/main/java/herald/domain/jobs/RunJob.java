package herald.domain.jobs;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** Does one background job with the work its kind has (an import part, a segment scan part, a shard purge...). */
public final class RunJob {
  private final Map<Class<?>, JobWork> works = new HashMap<>();

  @Inject
  public RunJob(Set<JobWork> works) {
    for (JobWork work : works) {
      if (this.works.put(work.kind(), work) != null) throw new IllegalArgumentException("two works for " + work.kind());
    }
  }

  /** {@code timeLeft} says whether there is time for more work in this invocation; gives what the job did. */
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    JobWork work = works.get(job.getClass());
    if (work == null) throw new IllegalArgumentException("no work for a " + job.getClass().getSimpleName());
    return work.run(job, timeLeft);
  }
}
