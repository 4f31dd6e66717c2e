package herald.domain.fakes;

import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every batch of send jobs queued. */
public final class RecordingSendQueue implements SendQueue {
  private final List<List<SendJob>> batches = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void send(List<SendJob> jobs) {
    batches.add(List.copyOf(jobs));
  }

  @Override
  public synchronized void later(SendJob job, Duration delay) {
    batches.add(List.of(job));
    delays.add(delay);
  }

  /** The delays of the jobs queued again for later, in order. */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  public synchronized List<List<SendJob>> batches() {
    return List.copyOf(batches);
  }

  public synchronized List<SendJob> jobs() {
    return batches.stream().flatMap(List::stream).toList();
  }
}
