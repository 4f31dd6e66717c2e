package herald.domain.events;

import herald.domain.common.Page;
import java.time.Duration;

/** Port: the events the bus delivered and Herald rejected, kept {@link #KEPT} for operators to see. */
public interface RejectedEvents {
  Duration KEPT = Duration.ofDays(14);

  /** Keeps it; recording the same rejection ({@link RejectedEvent#id}) again keeps one. */
  void record(RejectedEvent rejected);

  /** The rejections of the last {@link #KEPT}, newest first, a page at a time. */
  Page<RejectedEvent> newestFirst(String cursor, int limit);
}
