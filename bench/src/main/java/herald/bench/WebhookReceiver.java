package herald.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast webhook receiver on 127.0.0.1 (the local runtime's allowlist lets webhooks reach it): reads the body,
 * answers 204 at once, counts the posts and the distinct Idempotency-Keys, and keeps the last post for replay.
 */
final class WebhookReceiver implements AutoCloseable {
  /** A post's exact body and the headers a replay needs besides its own key and timestamp. */
  record Sample(byte[] body, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<String> keys = ConcurrentHashMap.newKeySet();
  private volatile Sample last;

  private WebhookReceiver(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static WebhookReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    ExecutorService executor = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon()
        .name("webhook-receiver-", 0).factory());
    WebhookReceiver receiver = new WebhookReceiver(server, executor);
    server.createContext("/hook", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      receiver.requests.incrementAndGet();
      if (key != null) receiver.keys.add(key);
      receiver.last = new Sample(body, signature == null ? Map.of() : Map.of("webhook-signature", signature));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  int port() {
    return server.getAddress().getPort();
  }

  int requests() {
    return requests.get();
  }

  int distinctKeys() {
    return keys.size();
  }

  Sample sample() {
    return last;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
