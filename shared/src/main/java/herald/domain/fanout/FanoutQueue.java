package herald.domain.fanout;

import java.util.List;

/** Port: the queue of fan-out jobs, one segment shard (or the rest of one) each. */
public interface FanoutQueue {
  void put(List<FanoutJob> jobs);
}
