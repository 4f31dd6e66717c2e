package herald.domain.integrations;

import herald.domain.channels.DeliveryFailure;
import herald.domain.common.SecretStore;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The port a tool's adapter uses at send: the integration a channel names, with its credentials from the
 * {@link SecretStore} (which caches them for a minute, so a busy sender does not read them per message) and the
 * base URL to call. An integration deleted or of another tool since the distribution was saved fails the message
 * for good ({@code integration_not_found}, {@code integration_tool_mismatch}); credentials missing from the store
 * too ({@code credentials_missing}).
 */
public final class LoadIntegration {
  private final Integrations integrations;
  private final SecretStore secrets;
  private final Map<String, ToolCredentials> tools;

  @Inject
  public LoadIntegration(Integrations integrations, SecretStore secrets, Map<String, ToolCredentials> tools) {
    this.integrations = integrations;
    this.secrets = secrets;
    this.tools = tools;
  }

  /** For a send: throws {@link DeliveryFailure} (permanent) when the integration cannot be used. */
  public ToolAccess load(String integrationId, String tool) {
    Integration integration = integrations.get(integrationId)
        .orElseThrow(() -> DeliveryFailure.permanent("integration_not_found", null));
    if (!integration.tool().equals(tool)) throw DeliveryFailure.permanent("integration_tool_mismatch", null);
    return access(integration);
  }

  /** The access of a stored integration (the credential check's). */
  public ToolAccess access(Integration integration) {
    Map<String, String> credentials = secrets.get(integration.secretName())
        .orElseThrow(() -> DeliveryFailure.permanent("credentials_missing", null));
    String base = tools.get(integration.tool()).baseUrl(credentials, integration.apiBaseUrl());
    return new ToolAccess(integration.id(), integration.tool(),
        base.endsWith("/") ? base.substring(0, base.length() - 1) : base, credentials);
  }
}
