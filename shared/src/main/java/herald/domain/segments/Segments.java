package herald.domain.segments;

import herald.domain.common.Page;
import java.util.List;
import java.util.Optional;

/** Port: the segments. */
public interface Segments {
  Optional<Segment> get(String id);

  /** Creates the segment; false when one with its id exists. */
  boolean create(Segment segment);

  /** Saves a changed segment if the stored one still has {@code expectedVersion}; false otherwise. */
  boolean replace(Segment segment, long expectedVersion);

  boolean delete(String id);

  /** Every segment (there are at most a few thousand), auto-update and static. */
  List<Segment> all();

  Page<Segment> list(String cursor, int limit);
}
