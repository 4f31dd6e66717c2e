package herald.domain.actions;

import java.util.List;

/** Port: the queue of background jobs. */
public interface Jobs {
  void put(List<? extends Job> jobs);
}
