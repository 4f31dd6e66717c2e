package herald.domain.segments;

/** Port: removing a deleted segment's membership, every shard of it, in the background. */
public interface SegmentPurges {
  /** Starts removing the membership of {@code deleted}, a segment already deleted. */
  void start(Segment deleted);
}
