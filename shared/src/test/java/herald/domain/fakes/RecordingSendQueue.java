package herald.domain.fakes;

import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendQueue;
import java.util.ArrayList;
import java.util.List;

/** Keeps every batch of send jobs queued. */
public final class RecordingSendQueue implements SendQueue {
  private final List<List<SendJob>> batches = new ArrayList<>();

  @Override
  public synchronized void send(List<SendJob> jobs) {
    batches.add(List.copyOf(jobs));
  }

  public synchronized List<List<SendJob>> batches() {
    return List.copyOf(batches);
  }

  public synchronized List<SendJob> jobs() {
    return batches.stream().flatMap(List::stream).toList();
  }
}
