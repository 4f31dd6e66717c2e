package herald.domain.segments;

import herald.domain.common.Parallel;
import herald.domain.jobs.AsyncActions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Re-evaluates in the background every auto-update segment whose rules depend on the moment of evaluation
 * ({@code {"days_ago": N}}). Membership otherwise changes only when a profile does, so a customer in "ordered in
 * the last 30 days" would never leave as day 31 passes. Run on a schedule; each segment refreshed costs one scan
 * of the customers.
 *
 * <p>A refresh is an ordinary segment evaluation ({@link SegmentEvaluations}) recorded on the segment as its
 * {@code evaluationId}, at the same version, so a rename while it runs does not stop it. A segment whose
 * evaluation is still in progress (and recorded progress within {@link #STALLED}) is skipped. If the segment
 * changed between being read and the refresh being recorded, the edit wins: the refresh's own jobs stop at once
 * (the version moved on and the segment is not theirs), and the segment is read again and refreshed only if
 * its rules still depend on now and no evaluation of it is running (an edit of the rules has started one).
 */
public final class RefreshTimedSegments {
  /** An evaluation in progress that recorded nothing for this long is taken as stalled, and refreshed anew. */
  public static final Duration STALLED = Duration.ofHours(1);
  static final int ATTEMPTS = 3;

  private final Segments segments;
  private final SegmentEvaluations evaluations;
  private final AsyncActions actions;
  private final Clock clock;

  @Inject
  public RefreshTimedSegments(Segments segments, SegmentEvaluations evaluations, AsyncActions actions, Clock clock) {
    this.segments = segments;
    this.evaluations = evaluations;
    this.actions = actions;
    this.clock = clock;
  }

  /** What the refresh did with one segment. */
  public enum Outcome {
    /** A re-evaluation started: {@code actionId}. */
    STARTED,
    /** Skipped: its evaluation {@code actionId} is still in progress. */
    RUNNING,
    /** Skipped: deleted, or its rules no longer depend on now, or it kept changing while the refresh started. */
    CHANGED
  }

  public record Refresh(String segmentId, String actionId, Outcome outcome) {}

  /** Refreshes every time-dependent auto-update segment, a few at once; one entry per such segment, in order. */
  public List<Refresh> refresh() {
    List<Segment> timed = segments.all().stream().filter(RefreshTimedSegments::timed).toList();
    return Parallel.map(timed, this::refresh);
  }

  private Refresh refresh(Segment listed) {
    Segment segment = listed;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (running(segment)) return new Refresh(segment.id(), segment.evaluationId(), Outcome.RUNNING);
      String actionId = evaluations.start(segment);
      if (segments.replace(segment.evaluatedBy(actionId), segment.version())) {
        return new Refresh(segment.id(), actionId, Outcome.STARTED);
      }
      Optional<Segment> now = segments.get(segment.id()).filter(RefreshTimedSegments::timed);
      if (now.isEmpty()) break;
      segment = now.get();
    }
    return new Refresh(listed.id(), null, Outcome.CHANGED);
  }

  private boolean running(Segment segment) {
    return new RunningEvaluations(actions, clock).running(segment);
  }

  private static boolean timed(Segment segment) {
    return segment.autoUpdate() && segment.rule().dependsOnNow();
  }
}
