package herald.domain.integrations;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.Map;

/**
 * What a client sends to save an integration: the tool, a name, the credentials as given (checked by the tool's
 * {@link ToolCredentials}; null on an edit that keeps the stored ones) and an optional {@code api_base_url}.
 */
public record IntegrationDraft(String tool, String name, Map<String, Object> credentials, String apiBaseUrl) {
  public IntegrationDraft {
    tool = Text.required(tool, "tool");
    name = Text.plain(Text.maxLength(Text.required(name, "name"), 200, "name"), "name");
    if (apiBaseUrl != null && apiBaseUrl.isEmpty()) apiBaseUrl = null;
    if (apiBaseUrl != null) apiBaseUrl = Text.maxLength(apiBaseUrl, 2048, "api_base_url");
    credentials = credentials == null ? null : Map.copyOf(credentials);
    if (credentials != null && credentials.isEmpty()) {
      throw new Invalid("missing_field", "credentials", "credentials must hold the tool's fields");
    }
  }
}
