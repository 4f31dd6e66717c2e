package herald.domain.channels.klaviyo;

import herald.domain.common.Invalid;
import herald.domain.integrations.CredentialFields;
import herald.domain.integrations.ToolCredentials;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Klaviyo: a private API key ({@code pk_...}); the API is at {@code https://a.klaviyo.com}. */
public final class KlaviyoCredentials implements ToolCredentials {
  private static final List<String> FIELDS = List.of("private_api_key");

  @Inject
  public KlaviyoCredentials() {}

  @Override
  public String tool() {
    return KlaviyoKind.TYPE;
  }

  @Override
  public List<String> fields() {
    return FIELDS;
  }

  @Override
  public Map<String, String> check(Map<String, Object> given, String apiBaseUrl) {
    String key = CredentialFields.of(given, FIELDS).secret("private_api_key");
    if (!key.startsWith("pk_") || key.length() < 8) {
      throw new Invalid("invalid_value", CredentialFields.at("private_api_key"),
          CredentialFields.at("private_api_key") + " must be a Klaviyo private API key (pk_...), not a public key");
    }
    return CredentialFields.ordered("private_api_key", key);
  }

  @Override
  public String baseUrl(Map<String, String> credentials, String apiBaseUrl) {
    return apiBaseUrl != null ? apiBaseUrl : "https://a.klaviyo.com";
  }

  @Override
  public Map<String, String> example() {
    return CredentialFields.ordered("private_api_key", "pk_0123456789abcdef");
  }
}
