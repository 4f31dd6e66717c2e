package herald.domain.segments;

import herald.domain.common.Ids;
import herald.domain.common.Page;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Progress;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Re-evaluates one part of the customers against a segment, page by page: each page's counts are recorded
 * once (its id comes from the part and the cursor it starts at), and when the time runs short the rest of the
 * part goes back on the segment scans queue as a follow-up job. Stops, finishing its part, when the segment was deleted
 * or changed by a newer evaluation.
 */
public final class EvaluateSegmentPart {
  public static final String EVALUATED = "customers_evaluated";
  public static final String ENTERED = "entered";
  public static final String LEFT = "left";
  public static final String STOPPED = "parts_stopped";
  public static final int PAGE = 500;
  private final Segments segments;
  private final Customers customers;
  private final EvaluateSegments evaluate;
  private final AsyncActions actions;
  private final SegmentScans scans;

  @Inject
  public EvaluateSegmentPart(Segments segments, Customers customers, EvaluateSegments evaluate,
      AsyncActions actions, SegmentScans scans) {
    this.segments = segments;
    this.customers = customers;
    this.evaluate = evaluate;
    this.actions = actions;
    this.scans = scans;
  }

  /** Evaluates pages while {@code timeLeft} says there is time for another (always at least one). */
  public void handle(ScanJob job, BooleanSupplier timeLeft) {
    String cursor = job.cursor();
    boolean first = true;
    while (true) {
      Optional<Segment> segment = current(job);
      if (segment.isEmpty()) {
        actions.record(job.actionId(), new Progress(part(job) + "@stopped", part(job), Map.of(STOPPED, 1L), null));
        return;
      }
      if (!first && !timeLeft.getAsBoolean()) {
        scans.put(List.of(job.from(cursor)));
        return;
      }
      first = false;
      Page<Customer> page = customers.scan(job.part(), job.parts(), cursor, PAGE);
      Map<String, Long> counts = new HashMap<>(Map.of(EVALUATED, (long) page.items().size(), ENTERED, 0L, LEFT, 0L));
      for (Customer customer : page.items()) {
        evaluate.evaluate(segment.get(), customer)
            .ifPresent(t -> counts.merge(t.entered() ? ENTERED : LEFT, 1L, Long::sum));
      }
      String pageId = part(job) + "@" + (cursor == null ? "start" : Ids.derived("", cursor).substring(0, 12));
      actions.record(job.actionId(), new Progress(pageId, page.next() == null ? part(job) : null, counts, null));
      if (page.next() == null) return;
      cursor = page.next();
    }
  }

  /**
   * The segment to evaluate against, empty when this evaluation should stop: the segment is gone, or was
   * changed since the evaluation started and another evaluation is the segment's own now.
   */
  private Optional<Segment> current(ScanJob job) {
    return segments.get(job.segmentId()).filter(Segment::autoUpdate).filter(s -> s.version() == job.segmentVersion()
        || job.actionId().equals(s.evaluationId()));
  }

  private static String part(ScanJob job) {
    return "s" + job.part();
  }
}
