package herald.domain.segments;

/**
 * How many shards a new segment's membership is stored in (1 to 1,000): the template's {@code SegmentShards}
 * (HERALD_SEGMENT_SHARDS). A fan-out reads each shard in its own invocation, so the shards bound how many read a
 * segment at once. A segment keeps the count it was created with.
 */
public record SegmentShards(int count) {
  public static final SegmentShards DEFAULT = new SegmentShards(Segment.DEFAULT_SHARDS);

  public SegmentShards {
    if (count < 1 || count > 1000) throw new IllegalArgumentException("segment shards must be 1 to 1000");
  }
}
