package herald.domain.segments;

import java.time.Duration;
import java.util.List;

/** Port: the queue of segment scan parts, which the segments function takes one at a time. */
public interface SegmentScans {
  /** Queues the scan parts, each to be taken no sooner than {@code delay} from now (at most 15 minutes). */
  void put(List<ScanJob> scans, Duration delay);

  default void put(List<ScanJob> scans) {
    put(scans, Duration.ZERO);
  }
}
