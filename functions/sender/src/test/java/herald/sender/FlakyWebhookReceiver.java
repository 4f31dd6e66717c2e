package herald.sender;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import herald.domain.channels.webhook.WebhookSignature;
import herald.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A webhook endpoint that misbehaves, on 127.0.0.1. On {@code /hook} each request draws its fate: 500 (15%),
 * 429 (10%), a hang longer than the client waits (5%: half of them after processing the request, half before),
 * else it is processed. Processing is what a careful receiver does: check the signature over the exact body,
 * then honour the webhook-id (the Idempotency-Key): a key seen before is answered 200 without processing it again, and counted
 * as a repeat. {@code /down} always answers 503.
 */
final class FlakyWebhookReceiver implements AutoCloseable {
  private final String secret;
  private final Random dice;
  private final Duration hang;
  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, LongAdder> answers = new ConcurrentSkipListMap<>();
  final Set<String> processed = ConcurrentHashMap.newKeySet();
  final Map<String, Integer> repeats = new ConcurrentHashMap<>();
  final Set<String> hungAfterProcessing = ConcurrentHashMap.newKeySet();
  final List<String> refused = new CopyOnWriteArrayList<>();

  FlakyWebhookReceiver(String secret, long seed, Duration hang, int threadCount) throws IOException {
    this.secret = secret;
    this.dice = new Random(seed);
    this.hang = hang;
    this.threads = Executors.newFixedThreadPool(threadCount);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
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

  /** How many requests got each answer (500, 429, 503, hang, processed, repeat, refused, aborted). */
  Map<String, Long> answers() {
    Map<String, Long> counts = new ConcurrentSkipListMap<>();
    answers.forEach((answer, n) -> counts.put(answer, n.sum()));
    return counts;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      } catch (IOException clientWentAway) {
        count("aborted");
        return;
      }
      if (exchange.getRequestURI().getPath().equals("/down")) {
        answer(exchange, 503, "503");
        return;
      }
      double fate;
      boolean processFirst;
      synchronized (dice) {
        fate = dice.nextDouble();
        processFirst = dice.nextBoolean();
      }
      if (fate < 0.15) {
        answer(exchange, 500, "500");
      } else if (fate < 0.25) {
        answer(exchange, 429, "429");
      } else if (fate < 0.30) {
        if (processFirst && process(exchange, body) == 200) {
          hungAfterProcessing.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        }
        count("hang");
        Thread.sleep(hang.toMillis());   // the client gave up long ago; closing answers nothing
      } else {
        int status = process(exchange, body);
        answer(exchange, status, status == 200 ? null : "refused");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** 200 when the request is genuine (processed now, or a repeat of a key processed before), 401 otherwise. */
  private int process(HttpExchange exchange, byte[] body) {
    String key = exchange.getRequestHeaders().getFirst("webhook-id");
    String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
    String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
    String text = new String(body, StandardCharsets.UTF_8);
    if (key == null || timestamp == null || !timestamp.matches("[0-9]{1,12}")
        || !WebhookSignature.verify(secret, key, Long.parseLong(timestamp), text, signature)) {
      refused.add(key + ": missing header or bad signature");
      return 401;
    }
    String id = Json.parse(text).path("id").asText(null);
    if (!key.equals(id)) {
      refused.add(key + ": body is message " + id);
      return 401;
    }
    if (processed.add(key)) {
      count("processed");
    } else {
      repeats.merge(key, 1, Integer::sum);
      count("repeat");
    }
    return 200;
  }

  private void answer(HttpExchange exchange, int status, String counted) throws IOException {
    count(counted);
    exchange.sendResponseHeaders(status, -1);
  }

  private void count(String answer) {
    if (answer == null) return;   // processed and repeat are counted where they are told apart
    answers.computeIfAbsent(answer, k -> new LongAdder()).increment();
  }

  /** Stops taking requests and lets the ones already taken finish, so the counts are final. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdown();
    try {
      if (!threads.awaitTermination(hang.toMillis() + 5_000, TimeUnit.MILLISECONDS)) threads.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.shutdownNow();
    }
  }
}
