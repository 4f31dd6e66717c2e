package herald.domain.delivery;

import java.util.List;

/** Port: the queue of send jobs. */
public interface SendQueue {
  void send(List<SendJob> jobs);
}
