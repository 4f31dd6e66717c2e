package herald.domain.distributions;

import herald.domain.common.Page;
import herald.domain.segments.SegmentUsers;
import jakarta.inject.Inject;
import java.util.Optional;

/** The distributions that name a segment, as their audience or in their trigger's segment_id filter. */
public final class SegmentUsage implements SegmentUsers {
  private final Distributions distributions;

  @Inject
  public SegmentUsage(Distributions distributions) {
    this.distributions = distributions;
  }

  @Override
  public Optional<String> userOf(String segmentId) {
    String cursor = null;
    do {
      Page<Distribution> page = distributions.list(null, null, cursor, 100);
      for (Distribution d : page.items()) {
        if (segmentId.equals(d.audience().segmentId()) || segmentId.equals(d.trigger().filter("segment_id"))) {
          return Optional.of(d.id());
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return Optional.empty();
  }
}
