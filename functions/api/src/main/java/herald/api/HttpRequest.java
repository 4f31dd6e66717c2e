package herald.api;

import java.util.Map;

/** An HTTP request as the api function sees it, whatever carried it. */
record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
  HttpRequest {
    headers = headers == null ? Map.of() : headers;
    query = query == null ? Map.of() : query;
  }

  String header(String name) {
    for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    return null;
  }
}
