package herald.bench;

import herald.domain.customers.Customer;
import herald.domain.segments.SegmentRule;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One profile change, domain only: a customer evaluated against the rules of 50 auto-update segments, as
 * {@code EvaluateSegments} does in the segments function for every customer change it follows (an upsert, an
 * import row, a counted event). One operation is one
 * profile, so ops/s is profiles per second. The customers cycle through a pool of {@value #POOL}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SegmentRulesBenchmark {
  static final int POOL = 4096;

  private SegmentRule[] rules;
  private Customer[] customers;
  private Instant now;
  private int next;

  @Setup public void setUp() {
    List<SegmentRule> list = SegmentRuleSamples.rules();
    rules = list.toArray(SegmentRule[]::new);
    customers = SegmentRuleSamples.customers(POOL);
    now = SegmentRuleSamples.NOW;
  }

  /** The segments this profile is a member of (returned, so the JIT cannot drop the work). */
  @Benchmark public int profileAgainst50Segments() {
    Customer customer = customers[next++ & (POOL - 1)];
    int members = 0;
    for (SegmentRule rule : rules) {
      if (rule.matches(customer, now)) members++;
    }
    return members;
  }
}
