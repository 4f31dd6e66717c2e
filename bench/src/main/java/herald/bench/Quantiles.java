package herald.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a list of measurements (nearest rank). */
final class Quantiles {
  private final double[] sorted;

  Quantiles(List<Double> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("no values");
    sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /** The q-quantile, 0 &lt; q &le; 1, by nearest rank: the median of 5 is the 3rd. */
  double quantile(double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  double median() {
    return quantile(0.5);
  }

  double min() {
    return sorted[0];
  }

  double max() {
    return sorted[sorted.length - 1];
  }

  double mean() {
    return Arrays.stream(sorted).average().orElseThrow();
  }

  int count() {
    return sorted.length;
  }
}
