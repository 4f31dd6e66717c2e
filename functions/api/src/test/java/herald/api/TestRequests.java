package herald.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import herald.testing.EventFiles;
import java.util.HashMap;
import java.util.Map;

/** API Gateway payload 2.0 requests for tests, shaped like events/api-health.json. */
final class TestRequests {
  private TestRequests() {}

  /**
   * A request to {@code pathAndQuery} (its query string parsed) with these headers (besides host; an
   * {@code authorization} of null means none) and body. A body goes with {@code content-type: application/json},
   * as a JSON client sends it, unless the headers name a content type (null: none at all).
   */
  static APIGatewayV2HTTPEvent event(String method, String pathAndQuery, String body, Map<String, String> headers) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EventFiles.path("api-health.json").toString());
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, String> query = new HashMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) query.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    event.setRawPath(path);
    event.getRequestContext().getHttp().setMethod(method);
    event.getRequestContext().getHttp().setPath(path);
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    Map<String, String> all = new HashMap<>(event.getHeaders());
    all.keySet().removeIf(h -> h.equalsIgnoreCase("authorization"));
    boolean typed = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"));
    if (body != null && !typed) all.put("content-type", "application/json");
    headers.forEach((name, value) -> {
      if (value != null) all.put(name.toLowerCase(java.util.Locale.ROOT), value);
    });
    event.setHeaders(all);
    event.setBody(body);
    return event;
  }

  static Map<String, String> bearer(String key) {
    Map<String, String> headers = new HashMap<>();
    headers.put("authorization", key == null ? null : "Bearer " + key);
    return headers;
  }
}
