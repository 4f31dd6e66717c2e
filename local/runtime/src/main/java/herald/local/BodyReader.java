package herald.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request body within a time limit. The HTTP server reads from a socket channel, which is interruptible:
 * a reader still waiting when the time is up is interrupted, which closes the connection, as API Gateway closes
 * a client that stalls.
 */
final class BodyReader implements AutoCloseable {
  private final Duration timeout;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("http-api-read-timeout").factory());

  BodyReader(Duration timeout) {
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /** The whole body, or null when it did not arrive in time or the client went away (the connection is closed). */
  byte[] read(HttpExchange exchange) {
    Thread reader = Thread.currentThread();
    AtomicBoolean over = new AtomicBoolean();
    ScheduledFuture<?> deadline = timer.schedule(() -> {
      if (over.compareAndSet(false, true)) reader.interrupt();
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (over.compareAndSet(false, true)) return body;
    } catch (IOException stalledOrGone) {
      over.set(true);
    } finally {
      deadline.cancel(false);
    }
    Thread.interrupted();
    exchange.close();
    return null;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
