package herald.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import herald.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal EventBridge PutEvents endpoint (AWS JSON 1.1) for tests of the api function alone:
 * it accepts every entry and keeps it, so a test can see what was put on the bus.
 */
public final class RecordingEventBridge implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonNode> entries = new CopyOnWriteArrayList<>();

  public RecordingEventBridge() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      JsonNode request = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      StringBuilder results = new StringBuilder();
      for (JsonNode entry : request.path("Entries")) {
        entries.add(entry);
        results.append(results.isEmpty() ? "" : ",").append("{\"EventId\":\"e-").append(entries.size()).append("\"}");
      }
      byte[] body = ("{\"FailedEntryCount\":0,\"Entries\":[" + results + "]}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The entries put so far: EventBusName, Source, DetailType, Detail (a JSON string). */
  public List<JsonNode> entries() {
    return List.copyOf(entries);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
