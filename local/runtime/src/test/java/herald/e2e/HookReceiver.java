package herald.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import herald.platform.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on 127.0.0.1 that answers 204 and keeps every envelope it is sent, by distribution. */
final class HookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonNode> hooks = new CopyOnWriteArrayList<>();

  HookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      hooks.add(Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The envelopes received from one distribution's webhook channel, in arrival order. */
  List<JsonNode> from(String distribution) {
    return hooks.stream().filter(h -> h.path("source").path("distribution_id").asText().equals(distribution))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
