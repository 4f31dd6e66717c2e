package herald.domain.customers;

import herald.domain.common.Conflict;
import java.util.function.Supplier;

/**
 * Retries a read-change-write of a customer when another writer saved it in between (a {@link Conflict} from
 * {@link Customers#save}): each try reads again, so no writer's change is lost. Gives up after {@link #TRIES}.
 */
public final class Clashes {
  /**
   * Each clash means another writer saved, so n tries let n writers of one customer all succeed; a customer
   * whose events arrive in a burst (the end-to-end bench's 8 clients on one customer) needed more than 8.
   */
  public static final int TRIES = 16;

  private Clashes() {}

  public static <T> T retry(Supplier<T> readChangeWrite) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readChangeWrite.get();
      } catch (Conflict clash) {
        if (attempt >= TRIES) throw clash;
        pause(attempt);
      }
    }
  }

  /** A short random pause, longer after each clash, so writers racing for one customer spread out. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 4L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a customer write", e);
    }
  }
}
