package herald.domain.channels.mailchimp;

import herald.domain.common.Invalid;
import herald.domain.integrations.CredentialFields;
import herald.domain.integrations.ToolCredentials;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mailchimp (Marketing API 3.0): an API key, whose {@code -<dc>} suffix ({@code -us14}) is the data center: the
 * API is at {@code https://<dc>.api.mailchimp.com/3.0}.
 */
public final class MailchimpCredentials implements ToolCredentials {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}-([a-z]{2}[0-9]{1,3})");
  private static final List<String> FIELDS = List.of("api_key");

  @Inject
  public MailchimpCredentials() {}

  @Override
  public String tool() {
    return MailchimpKind.TYPE;
  }

  @Override
  public List<String> fields() {
    return FIELDS;
  }

  @Override
  public Map<String, String> check(Map<String, Object> given, String apiBaseUrl) {
    String key = CredentialFields.of(given, FIELDS).secret("api_key");
    dataCenter(key);
    return CredentialFields.ordered("api_key", key);
  }

  @Override
  public String baseUrl(Map<String, String> credentials, String apiBaseUrl) {
    return apiBaseUrl != null ? apiBaseUrl
        : "https://" + dataCenter(credentials.get("api_key")) + ".api.mailchimp.com/3.0";
  }

  @Override
  public Map<String, String> example() {
    return CredentialFields.ordered("api_key", "0123456789abcdef0123456789abcdef-us14");
  }

  /** The data center of a key ({@code us14}). */
  public static String dataCenter(String key) {
    Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new Invalid("invalid_value", CredentialFields.at("api_key"), CredentialFields.at("api_key")
          + " must be a Mailchimp API key: 32 hex characters, a dash and the data center (-us14)");
    }
    return m.group(1);
  }
}
