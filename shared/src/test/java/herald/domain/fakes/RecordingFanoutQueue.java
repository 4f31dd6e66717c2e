package herald.domain.fakes;

import herald.domain.fanout.FanoutJob;
import herald.domain.fanout.FanoutQueue;
import java.util.ArrayList;
import java.util.List;

/** Keeps every fan-out job put, in order; {@link #take()} hands them out once, as a queue would. */
public final class RecordingFanoutQueue implements FanoutQueue {
  private final List<FanoutJob> jobs = new ArrayList<>();
  private int taken;

  @Override
  public synchronized void put(List<FanoutJob> put) {
    jobs.addAll(put);
  }

  public synchronized List<FanoutJob> jobs() {
    return List.copyOf(jobs);
  }

  /** The jobs put since the last take. */
  public synchronized List<FanoutJob> take() {
    List<FanoutJob> next = List.copyOf(jobs.subList(taken, jobs.size()));
    taken = jobs.size();
    return next;
  }
}
