package herald.domain.segments;

import herald.domain.common.Ids;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.AsyncActions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts re-evaluating every customer against one segment: an async action and one scan job per part of a
 * parallel scan of the customers, on the segment scans queue ({@link SegmentScans}); each job follows on with the
 * next page until its part is done.
 *
 * <p>The scan starts {@link #START_DELAY} after the segment was saved: every process caches the segment list
 * for up to a second ({@link herald.domain.segments.EvaluateSegments}), so a profile saved in that second
 * may have been evaluated against the former rules; scanning after it puts that customer right too.
 */
public final class StartSegmentEvaluation implements SegmentEvaluations {
  public static final int DEFAULT_PARTS = 4;
  static final Duration START_DELAY = Duration.ofSeconds(2);
  private final AsyncActions actions;
  private final SegmentScans scans;
  private final Clock clock;
  private final int parts;

  public StartSegmentEvaluation(AsyncActions actions, SegmentScans scans, Clock clock, int parts) {
    if (parts < 1 || parts > 100) throw new IllegalArgumentException("parts must be 1 to 100");
    this.actions = actions;
    this.scans = scans;
    this.clock = clock;
    this.parts = parts;
  }

  @Inject
  public StartSegmentEvaluation(AsyncActions actions, SegmentScans scans, Clock clock) {
    this(actions, scans, clock, DEFAULT_PARTS);
  }

  @Override
  public String start(Segment segment) {
    String id = Ids.random(AsyncAction.PREFIX);
    actions.create(AsyncAction.start(id, AsyncActionType.SEGMENT_EVALUATION, parts, clock.instant()));
    List<ScanJob> parts = new ArrayList<>();
    for (int part = 0; part < this.parts; part++) {
      parts.add(new ScanJob(id, segment.id(), segment.version(), part, this.parts, null));
    }
    scans.put(parts, START_DELAY);
    return id;
  }
}
