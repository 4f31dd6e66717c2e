package herald.domain.integrations;

import java.util.Map;

/**
 * What an adapter needs to call a tool for an integration: its id, the tool, the base URL to call (the
 * integration's {@code api_base_url} or the tool's host, with no trailing slash) and the credentials in plain
 * text. Never logged: {@link #toString()} hides the credentials. The base URL must still pass the SSRF guard at
 * send ({@code herald.adapters.http.SsrfGuard#check}).
 */
public record ToolAccess(String integrationId, String tool, String baseUrl, Map<String, String> credentials) {
  public ToolAccess {
    credentials = Map.copyOf(credentials);
  }

  /** One credential field ({@code api_key}). */
  public String credential(String field) {
    return credentials.get(field);
  }

  @Override
  public String toString() {
    return "ToolAccess[integration_id=" + integrationId + ", tool=" + tool + ", base_url=" + baseUrl
        + ", credentials=" + credentials.keySet() + " (hidden)]";
  }
}
