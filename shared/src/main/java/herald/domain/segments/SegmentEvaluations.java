package herald.domain.segments;

/** Port: re-evaluates every customer against one segment's rule in the background. */
public interface SegmentEvaluations {
  /** Starts it and returns the async action's id, which reports its progress. */
  String start(Segment segment);
}
