package herald.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a call per item on a few virtual threads at once (adding 1000 members is 1000 reads and writes, too
 * slow one after another within an API call). Results come back in the items' order; the first failure, once
 * every call has ended, is thrown.
 */
public final class Parallel {
  public static final int AT_ONCE = 16;

  private Parallel() {}

  public static <T, R> List<R> map(List<T> items, Function<T, R> call) {
    return map(items, AT_ONCE, call);
  }

  /** As {@link #map(List, Function)}, with at most {@code atOnce} calls at once. */
  public static <T, R> List<R> map(List<T> items, int atOnce, Function<T, R> call) {
    if (atOnce < 1) throw new IllegalArgumentException("atOnce must be 1 or more");
    if (items.size() <= 1 || atOnce == 1) return items.stream().map(call).toList();
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(atOnce, items.size()),
        Thread.ofVirtual().name("parallel-", 0).factory())) {
      List<Future<R>> running = new ArrayList<>();
      for (T item : items) running.add(pool.submit(() -> call.apply(item)));
      List<R> results = new ArrayList<>();
      RuntimeException failure = null;
      for (Future<R> result : running) {
        try {
          results.add(result.get());
        } catch (ExecutionException e) {
          if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      if (failure != null) throw failure;
      return results;
    }
  }
}
