package herald.adapters.http;

import java.util.Map;

/**
 * One call to a marketing tool's API: the method, the absolute URL (the integration's base URL and the path), the
 * headers (authentication included: never log one) and a JSON body, or null for none.
 */
public record ToolRequest(String method, String url, Map<String, String> headers, String body) {
  public ToolRequest {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "ToolRequest[" + method + " " + url + ", headers=" + headers.keySet() + "]";
  }
}
