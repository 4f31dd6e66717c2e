package herald.domain.channels.braze;

import herald.domain.common.Invalid;
import herald.domain.integrations.CredentialFields;
import herald.domain.integrations.ToolCredentials;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Braze: a REST API key and the instance's REST endpoint, one of Braze's documented instances (US-01 to US-08,
 * EU-01, EU-02, AU-01, ID-01), or the integration's own {@code api_base_url} (a proxy, a local stub).
 */
public final class BrazeCredentials implements ToolCredentials {
  static final Set<String> INSTANCES = Set.of("rest.iad-01.braze.com", "rest.iad-02.braze.com",
      "rest.iad-03.braze.com", "rest.iad-04.braze.com", "rest.iad-05.braze.com", "rest.iad-06.braze.com",
      "rest.iad-07.braze.com", "rest.iad-08.braze.com", "rest.fra-01.braze.eu", "rest.fra-02.braze.eu",
      "rest.au-01.braze.com", "rest.jkt-01.braze.com");
  private static final List<String> FIELDS = List.of("api_key", "rest_endpoint");

  @Inject
  public BrazeCredentials() {}

  @Override
  public String tool() {
    return BrazeKind.TYPE;
  }

  @Override
  public List<String> fields() {
    return FIELDS;
  }

  @Override
  public Map<String, String> check(Map<String, Object> given, String apiBaseUrl) {
    CredentialFields f = CredentialFields.of(given, FIELDS);
    String key = f.secret("api_key");
    String endpoint = strip(f.secret("rest_endpoint"));
    if (!endpoint.equals(apiBaseUrl == null ? null : strip(apiBaseUrl)) && !instance(endpoint)) {
      throw new Invalid("invalid_url", CredentialFields.at("rest_endpoint"), CredentialFields.at("rest_endpoint")
          + " must be your Braze instance's REST endpoint, such as https://rest.iad-01.braze.com (one of "
          + String.join(", ", INSTANCES.stream().sorted().toList()) + "), or the integration's api_base_url");
    }
    return CredentialFields.ordered("api_key", key, "rest_endpoint", endpoint);
  }

  @Override
  public String baseUrl(Map<String, String> credentials, String apiBaseUrl) {
    return apiBaseUrl != null ? apiBaseUrl : credentials.get("rest_endpoint");
  }

  @Override
  public Map<String, String> example() {
    return CredentialFields.ordered("api_key", "braze-rest-api-key", "rest_endpoint", "https://rest.iad-01.braze.com");
  }

  private static boolean instance(String url) {
    try {
      URI uri = new URI(url);
      return "https".equals(uri.getScheme()) && uri.getHost() != null
          && INSTANCES.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getPort() == -1
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
          && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
