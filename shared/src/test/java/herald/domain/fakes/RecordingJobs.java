package herald.domain.fakes;

import herald.domain.jobs.Job;
import herald.domain.jobs.Jobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The jobs put, in order, and how many were put at once each time; {@link #take()} hands them over. */
public final class RecordingJobs implements Jobs {
  private final List<Job> queued = new ArrayList<>();
  private final List<Integer> puts = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();

  @Override public synchronized void put(List<? extends Job> jobs, Duration delay) {
    queued.addAll(jobs);
    puts.add(jobs.size());
    delays.add(delay);
  }

  /** The delay each put asked for, in order. */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** The jobs put since the last take, taken off the queue. */
  public synchronized List<Job> take() {
    List<Job> taken = List.copyOf(queued);
    queued.clear();
    return taken;
  }

  public synchronized List<Job> queued() {
    return List.copyOf(queued);
  }

  public synchronized List<Integer> puts() {
    return List.copyOf(puts);
  }
}
