package herald.api;

import java.util.Map;

/**
 * An HTTP request as the api function sees it, whatever carried it. {@code actor} is who made the call, set by the
 * router once the key is checked: the key's name, or "root" for the deployment key; null on public routes. It goes
 * into the activity log; logs name the caller by {@code keyId} instead ("root" for the deployment key), since a
 * key's name may be a person's. {@code serverUrl} is the URL the API was called at, when the carrier tells it.
 */
record HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body,
    String actor, String keyId, String serverUrl) {
  HttpRequest {
    headers = headers == null ? Map.of() : headers;
    query = query == null ? Map.of() : query;
  }

  HttpRequest(String method, String path, Map<String, String> headers, Map<String, String> query, String body) {
    this(method, path, headers, query, body, null, null, null);
  }

  HttpRequest withActor(String actor, String keyId) {
    return new HttpRequest(method, path, headers, query, body, actor, keyId, serverUrl);
  }

  HttpRequest withServerUrl(String serverUrl) {
    return new HttpRequest(method, path, headers, query, body, actor, keyId, serverUrl);
  }

  String header(String name) {
    for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
    return null;
  }
}
