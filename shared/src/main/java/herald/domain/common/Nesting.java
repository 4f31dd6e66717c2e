package herald.domain.common;

import java.util.Collection;
import java.util.Map;

/**
 * How deep stored JSON-like values (customer metadata, event data) may nest. Deeper values cannot be written
 * out by every part of the pipeline (the webhook envelope, the bus), so they are refused where they enter.
 */
public final class Nesting {
  /** Levels of objects and arrays: {@code {"a":1}} is 1 level, {@code {"a":{"b":[1]}}} 3. */
  public static final int MAX_DEPTH = 32;

  private Nesting() {}

  /** The value, refused with {@code too_deep} and its field when it nests deeper than {@link #MAX_DEPTH}. */
  public static <T> T bounded(T value, String field) {
    if (depth(value, 0) > MAX_DEPTH) {
      throw new Invalid("too_deep", field, field + " nests deeper than " + MAX_DEPTH + " levels");
    }
    return value;
  }

  /** Stops counting just past the limit, so a hostile value costs no more than that. */
  private static int depth(Object value, int above) {
    if (above > MAX_DEPTH) return above;
    Collection<?> children = value instanceof Map<?, ?> map ? map.values()
        : value instanceof Collection<?> list ? list : null;
    if (children == null) return above;
    int deepest = above + 1;
    for (Object child : children) {
      deepest = Math.max(deepest, depth(child, above + 1));
      if (deepest > MAX_DEPTH) break;
    }
    return deepest;
  }
}
