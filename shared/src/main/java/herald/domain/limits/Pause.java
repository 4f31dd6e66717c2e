package herald.domain.limits;

import java.time.Instant;

/** Port: waits, briefly, until an instant (a sender holding a token of the next second). */
public interface Pause {
  void until(Instant instant);
}
