package herald.domain.segments;

/** A change of one customer's membership of one segment; {@code seq} is the standing's seq after it. */
public record Transition(String segmentId, String customerId, boolean entered, long seq) {}
