package herald.domain.common;

import java.util.List;

/** A page of results and the opaque cursor of the next page (null on the last one). */
public record Page<T>(List<T> items, String next) {
  public Page {
    items = List.copyOf(items);
  }
}
