package herald.domain.delivery;

import java.time.Duration;
import java.util.List;

/** Port: the queue of send jobs. */
public interface SendQueue {
  void send(List<SendJob> jobs);

  /** Queues the job again, hidden from the senders for {@code delay} (at most 15 minutes): a paced message. */
  void later(SendJob job, Duration delay);
}
