package herald.domain.segments;

import java.util.Optional;

/** Port: what uses a segment (a distribution, as its audience or in its trigger), so one in use is not deleted. */
public interface SegmentUsers {
  /** The id of something that uses the segment, or empty when nothing does. */
  Optional<String> userOf(String segmentId);
}
