package herald.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.quicktheories.core.Gen;

/**
 * Runs a property with QuickTheories inside a plain JUnit test. Each run draws a new seed; a failure reports the
 * smallest value found and its seed, and {@code -DQT_SEED=<seed>} draws the same values again.
 */
public final class Theories {
  /** Tries at shrinking a failure: enough to cut most values down, few enough for the tests on the stand-ins. */
  private static final int SHRINKS = 300;

  private Theories() {}

  /**
   * Checks the property on at least {@code cases} values. QuickTheories passes over a value it has already tried
   * in a run (and values picked from short lists repeat), so it runs again with the next seed until that many were
   * tried.
   */
  public static <T> void check(int cases, Gen<T> values, Consumer<T> property) {
    long seed = Long.getLong("QT_SEED", System.nanoTime());
    AtomicInteger tried = new AtomicInteger();
    for (int round = 0; tried.get() < cases; round++) {
      int before = tried.get();
      qt().withFixedSeed(seed + round).withExamples(cases - before).withShrinkCycles(SHRINKS).forAll(values)
          .checkAssert(value -> {
            tried.incrementAndGet();
            property.accept(value);
          });
      assertThat(tried.get()).as("new values tried with seed %d", seed + round).isGreaterThan(before);
    }
  }
}
