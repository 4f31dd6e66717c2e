package herald.domain.fakes;

import herald.domain.segments.ScanJob;
import herald.domain.segments.SegmentScans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The scan parts put, in order, and the delay of each put; {@link #take()} hands them over. */
public final class RecordingScans implements SegmentScans {
  private final List<ScanJob> queued = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public synchronized void put(List<ScanJob> scans, Duration delay) {
    queued.addAll(scans);
    delays.add(delay);
  }

  /** The delay each put asked for, in order. */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** The parts put since the last take, taken off the queue. */
  public synchronized List<ScanJob> take() {
    List<ScanJob> taken = List.copyOf(queued);
    queued.clear();
    return taken;
  }

  public synchronized List<ScanJob> queued() {
    return List.copyOf(queued);
  }
}
