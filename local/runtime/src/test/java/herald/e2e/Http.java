package herald.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import herald.api.OpenApiResponses;
import herald.platform.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A client of Herald's HTTP API, as a user's code would call it; it checks every answer against the OpenAPI document. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  /** Every answer must be one the OpenAPI document describes. */
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  private final String base;
  private final String key;

  Http(String base, String key) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.key = key;
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String body) {
    return send("POST", path, body);
  }

  Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  Reply send(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + key)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) request.header("Content-Type", "application/json");
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      OPENAPI.check(method, bare, response.statusCode(), response.body());
      return new Reply(response.statusCode(), response.body().isEmpty() ? null : Json.parse(response.body()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Reply(int status, JsonNode body) {}
}
