package herald.domain.jobs;

import java.util.List;
import java.util.Map;

/**
 * What one page of work did, recorded once however often it is delivered: {@code pageId} is the same for
 * the same page on every try. {@code finishedPart} names the part this page finished, or is null.
 */
public record Progress(String pageId, String finishedPart, Map<String, Long> counts, List<RejectedRow> rejected) {
  public Progress {
    if (pageId == null || pageId.isBlank()) throw new IllegalArgumentException("pageId is required");
    counts = counts == null ? Map.of() : Map.copyOf(counts);
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }
}
