package herald.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import herald.platform.Json;
import herald.sam.EventSource;
import herald.sam.Values;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway's HTTP API (payload format 2.0) in front of the functions with HttpApi events. Each request has a
 * worker of its own (a virtual thread), so slow clients never hold the others up, and a request body that does not
 * arrive within the read timeout closes its connection.
 */
public final class LocalHttpApi implements AutoCloseable {
  /** How long a request body may take to arrive; API Gateway gives up on a client after about 10 s too. */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final HttpServer server;
  private final List<HttpApiRoute> routes;
  private final BodyReader bodies;
  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("http-api-", 0).factory());

  private LocalHttpApi(HttpServer server, List<HttpApiRoute> routes, Duration readTimeout) {
    this.server = server;
    this.routes = routes;
    this.bodies = new BodyReader(readTimeout);
  }

  /** Serves the routes of these functions' HttpApi events on 127.0.0.1:port (0 picks a free port). */
  public static LocalHttpApi start(int port, List<LambdaFunction> functions) throws IOException {
    return start(port, functions, READ_TIMEOUT);
  }

  /** The same, with a request body's read timeout of its own. */
  public static LocalHttpApi start(int port, List<LambdaFunction> functions, Duration readTimeout)
      throws IOException {
    List<HttpApiRoute> routes = new ArrayList<>();
    for (LambdaFunction function : functions) {
      for (EventSource source : function.spec().events()) {
        if (source instanceof EventSource.HttpApi api) routes.add(HttpApiRoute.of(api.method(), api.path(), function));
      }
    }
    routes.sort(HttpApiRoute.PRECEDENCE);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    LocalHttpApi api = new LocalHttpApi(server, List.copyOf(routes), readTimeout);
    server.createContext("/", api::serve);
    server.setExecutor(api.executor);
    server.start();
    return api;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<String> routeKeys() {
    return routes.stream().map(r -> r.routeKey() + " -> " + r.function().name()).toList();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    for (HttpApiRoute route : routes) {
      Map<String, String> parameters = route.match(method, path);
      if (parameters == null) continue;
      byte[] body = bodies.read(exchange);
      if (body == null) {
        System.err.println("[herald-local] " + method + " " + path + ": no request body within "
            + bodies.timeout().toMillis() + " ms; connection closed");
        return;
      }
      APIGatewayV2HTTPEvent event = HttpApiEvents.event(exchange, body, route.routeKey(), parameters);
      APIGatewayV2HTTPResponse response;
      try {
        response = invoke(route.function(), event);
      } catch (RuntimeException e) {
        System.err.println("[herald-local] " + route.function().name() + " failed on " + method + " " + path
            + ": " + e);
        e.printStackTrace();
        reply(exchange, 500, "{\"message\":\"Internal Server Error\"}");
        return;
      }
      write(exchange, response);
      return;
    }
    reply(exchange, 404, "{\"message\":\"Not Found\"}");
  }

  private static APIGatewayV2HTTPResponse invoke(LambdaFunction function, APIGatewayV2HTTPEvent event) {
    if (!function.streams()) return function.invoke(event);
    byte[] out = function.invokeStream(Json.write(event).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> json = Json.MAPPER.convertValue(Json.parse(new String(out, StandardCharsets.UTF_8)),
        new TypeReference<Map<String, Object>>() {});
    APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
    response.setStatusCode(Values.integer(json.get("statusCode"), 200));
    response.setHeaders(Json.MAPPER.convertValue(json.getOrDefault("headers", Map.of()),
        new TypeReference<Map<String, String>>() {}));
    response.setBody(Values.string(json.get("body")));
    response.setIsBase64Encoded(Boolean.TRUE.equals(json.get("isBase64Encoded")));
    return response;
  }

  private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    if (response == null) {
      reply(exchange, 500, "{\"message\":\"Internal Server Error\"}");
      return;
    }
    var headers = exchange.getResponseHeaders();
    if (response.getHeaders() != null) response.getHeaders().forEach(headers::set);
    if (response.getMultiValueHeaders() != null) response.getMultiValueHeaders().forEach(headers::put);
    if (response.getCookies() != null) response.getCookies().forEach(c -> headers.add("Set-Cookie", c));
    String body = response.getBody();
    byte[] bytes = body == null ? new byte[0]
        : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    Reply.json(status, json).send(exchange);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    bodies.close();
  }
}
