package herald.adapters;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that records every request it gets (counting them is how tests prove that no
 * connection was made). {@code /status/NNN} answers NNN, {@code /hang} never answers until {@link #close},
 * {@code /redirect} answers 302 to {@code /elsewhere}; anything else answers 204.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received: the exact body bytes and the headers. */
  record Received(String method, String target, Headers headers, byte[] body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> hits = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  int count() {
    return received.size();
  }

  int hits(String path) {
    return hits.getOrDefault(path, 0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String path = exchange.getRequestURI().getPath();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          exchange.getRequestHeaders(), body));
      hits.merge(path, 1, Integer::sum);
      if (path.equals("/hang")) {
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      if (path.equals("/hang-after-headers")) {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("{\"partial\":".getBytes());
        exchange.getResponseBody().flush();
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      if (path.equals("/redirect")) {
        exchange.getResponseHeaders().set("Location", "/elsewhere");
        exchange.sendResponseHeaders(302, -1);
        return;
      }
      int status = path.startsWith("/status/") ? Integer.parseInt(path.substring("/status/".length())) : 204;
      byte[] answer = status == 204 ? new byte[0] : ("{\"status\":" + status + "}").getBytes();
      exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
      if (status != 204) exchange.getResponseBody().write(answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
