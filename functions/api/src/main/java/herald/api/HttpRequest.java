package herald.api;

import java.util.Map;

/**
 * An HTTP request as the api function sees it, whatever carried it. {@code actor} is who made the call,
 * set by the router once the key is checked: the key's name, or "root" for the deployment key; null on
 * public routes.
 */
record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body,
    String actor) {
  HttpRequest {
    headers = headers == null ? Map.of() : headers;
    query = query == null ? Map.of() : query;
  }

  HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
    this(method, path, headers, query, body, null);
  }

  HttpRequest withActor(String actor) {
    return new HttpRequest(method, path, headers, query, body, actor);
  }

  String header(String name) {
    for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    return null;
  }
}
