package herald.local;

import com.sun.net.httpserver.HttpExchange;
import herald.standins.LocalSecretsManager;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One HTTP server for the runtime's own AWS endpoints: EventBridge (requests with X-Amz-Target AWSEvents.*),
 * EventBridge Scheduler (/schedules/{name}, {@link LocalScheduler}), Secrets Manager (X-Amz-Target
 * secretsmanager.*, in memory: {@link LocalSecretsManager}) and SNS (form posts with an Action; GET/DELETE
 * /sms). Like the local API, a worker per request and a read
 * timeout on bodies.
 */
public final class LocalAwsServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("aws-endpoint-", 0).factory());
  private final BodyReader bodies = new BodyReader(LocalHttpApi.READ_TIMEOUT);
  private final LocalSns sns;
  private final LocalSecretsManager secretsManager = new LocalSecretsManager();
  private volatile LocalEventBridge eventBridge;
  private volatile LocalScheduler scheduler;

  private LocalAwsServer(HttpServer server, LocalEventBridge eventBridge, LocalSns sns) {
    this.server = server;
    this.eventBridge = eventBridge;
    this.sns = sns;
  }

  /** Starts on the given port of 127.0.0.1 (0 picks a free one); eventBridge may come later. */
  public static LocalAwsServer start(int port, LocalEventBridge eventBridge, LocalSns sns) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    LocalAwsServer local = new LocalAwsServer(server, eventBridge, sns);
    server.createContext("/", local::serve);
    server.setExecutor(local.executor);
    server.start();
    return local;
  }

  /** Sets the EventBridge, once the functions it targets exist (they need this server's endpoint first). */
  public void eventBridge(LocalEventBridge eventBridge) {
    this.eventBridge = eventBridge;
  }

  /** Sets the Scheduler stand-in, once the queues it sends to exist. */
  public void scheduler(LocalScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** The in-memory Secrets Manager (integrations' credentials, webhook secrets). */
  public LocalSecretsManager secretsManager() {
    return secretsManager;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      byte[] bytes = bodies.read(exchange);
      if (bytes == null) return; // stalled: the connection is closed
      String body = new String(bytes, StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Reply reply;
      LocalEventBridge events = eventBridge;
      if (LocalSecretsManager.handles(target)) {
        LocalSecretsManager.Answer answer = secretsManager.handle(target, body);
        reply = new Reply(answer.status(), "application/x-amz-json-1.1", answer.body());
      } else if (target != null && target.startsWith("AWSEvents.")) {
        reply = events != null ? events.handle(target, body)
            : Reply.json(503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"starting\"}");
      } else if (path.startsWith("/schedules/")) {
        LocalScheduler schedules = scheduler;
        reply = schedules != null ? schedules.handle(method, path, body)
            : Reply.json(503, "{\"__type\":\"ServiceUnavailable\",\"message\":\"starting\"}");
      } else if (path.equals("/sms") && method.equals("GET")) {
        reply = sns.list();
      } else if (path.equals("/sms") && method.equals("DELETE")) {
        sns.clear();
        reply = new Reply(204, null, null);
      } else if (method.equals("POST")) {
        Map<String, String> form = form(exchange.getRequestURI().getRawQuery());
        form.putAll(form(body));
        reply = sns.handle(form);
      } else {
        reply = Reply.json(404, "{\"message\":\"Not Found\"}");
      }
      reply.send(exchange);
    } catch (RuntimeException e) {
      System.err.println("[herald-local] " + exchange.getRequestURI() + " failed: " + e);
      Reply.json(500, "{\"message\":\"Internal Server Error\"}").send(exchange);
    }
  }

  static Map<String, String> form(String encoded) {
    Map<String, String> form = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) return form;
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    bodies.close();
  }
}
