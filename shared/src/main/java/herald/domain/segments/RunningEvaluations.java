package herald.domain.segments;

import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Whether a segment is being evaluated right now: its last evaluation (a new segment's, or one started by a change of
 * its rules or a refresh) is in progress and recorded progress within {@link RefreshTimedSegments#STALLED}.
 */
public final class RunningEvaluations {
  private final AsyncActions actions;
  private final Clock clock;

  @Inject
  public RunningEvaluations(AsyncActions actions, Clock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  public boolean running(Segment segment) {
    if (segment.evaluationId() == null) return false;
    Instant stalledBefore = clock.instant().minus(RefreshTimedSegments.STALLED);
    return actions.get(segment.evaluationId())
        .filter(a -> a.status() == AsyncActionStatus.IN_PROGRESS)
        .filter(a -> a.updatedAt() == null || a.updatedAt().isAfter(stalledBefore))
        .isPresent();
  }
}
