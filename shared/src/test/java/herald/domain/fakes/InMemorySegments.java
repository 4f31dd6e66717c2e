package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.segments.Segment;
import herald.domain.segments.Segments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Segments in a map: create refuses an existing id, replace checks the stored version; listed oldest first. */
public final class InMemorySegments implements Segments {
  private final Map<String, Segment> segments = new LinkedHashMap<>();
  private int reads;

  @Override public synchronized Optional<Segment> get(String id) {
    return Optional.ofNullable(segments.get(id));
  }

  @Override public synchronized boolean create(Segment segment) {
    return segments.putIfAbsent(segment.id(), segment) == null;
  }

  @Override public synchronized boolean replace(Segment segment, long expectedVersion) {
    Segment stored = segments.get(segment.id());
    if (stored == null || stored.version() != expectedVersion) return false;
    segments.put(segment.id(), segment);
    return true;
  }

  @Override public synchronized boolean delete(String id) {
    return segments.remove(id) != null;
  }

  @Override public synchronized List<Segment> all() {
    reads++;
    return new ArrayList<>(segments.values());
  }

  /** The cursor is the index of the next item. */
  @Override public synchronized Page<Segment> list(String cursor, int limit) {
    List<Segment> all = List.copyOf(segments.values());
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(all.size(), from + limit);
    return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
  }

  /** How many times every segment was read ({@link #all()}). */
  public synchronized int reads() {
    return reads;
  }
}
