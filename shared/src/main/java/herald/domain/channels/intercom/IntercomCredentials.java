package herald.domain.channels.intercom;

import herald.domain.common.Invalid;
import herald.domain.integrations.CredentialFields;
import herald.domain.integrations.ToolCredentials;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Intercom: an access token and the workspace's region ({@code us}, {@code eu} or {@code au}; {@code us} when left
 * out), which picks the host: {@code api.intercom.io}, {@code api.eu.intercom.io}, {@code api.au.intercom.io}.
 */
public final class IntercomCredentials implements ToolCredentials {
  private static final List<String> FIELDS = List.of("access_token", "region");
  private static final Map<String, String> HOSTS = Map.of("us", "https://api.intercom.io",
      "eu", "https://api.eu.intercom.io", "au", "https://api.au.intercom.io");

  @Inject
  public IntercomCredentials() {}

  @Override
  public String tool() {
    return IntercomKind.TYPE;
  }

  @Override
  public List<String> fields() {
    return FIELDS;
  }

  @Override
  public Map<String, String> check(Map<String, Object> given, String apiBaseUrl) {
    CredentialFields f = CredentialFields.of(given, FIELDS);
    String token = f.secret("access_token");
    String region = f.optional("region");
    region = region == null ? "us" : region;
    if (!HOSTS.containsKey(region)) {
      throw new Invalid("invalid_value", CredentialFields.at("region"), CredentialFields.at("region")
          + " must be us, eu or au");
    }
    return CredentialFields.ordered("access_token", token, "region", region);
  }

  @Override
  public String baseUrl(Map<String, String> credentials, String apiBaseUrl) {
    return apiBaseUrl != null ? apiBaseUrl : HOSTS.get(credentials.getOrDefault("region", "us"));
  }

  @Override
  public Map<String, String> example() {
    return CredentialFields.ordered("access_token", "dG9rOjEyMzQ1Njc4OTA=", "region", "eu");
  }
}
