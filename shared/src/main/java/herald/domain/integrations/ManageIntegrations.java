package herald.domain.integrations;

import herald.domain.channels.webhook.WebhookAllowlist;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.common.SecretStore;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves, reads, edits and deletes integrations. Credentials are checked by the tool's {@link ToolCredentials},
 * written to the {@link SecretStore} (never to the table), and never answered: an edit without them keeps the
 * stored ones, and changing the tool needs new ones. An {@code api_base_url} passes the webhooks' SSRF rules when
 * saved (the adapters check it again when they call). An integration a distribution's channel names is not
 * deleted (409 {@code integration_in_use}).
 */
public final class ManageIntegrations {
  private final Integrations integrations;
  private final SecretStore secrets;
  private final Map<String, ToolCredentials> tools;
  private final IntegrationUsers users;
  private final WebhookAllowlist allowlist;
  private final Clock clock;

  @Inject
  public ManageIntegrations(Integrations integrations, SecretStore secrets, Map<String, ToolCredentials> tools,
      IntegrationUsers users, WebhookAllowlist allowlist, Clock clock) {
    this.integrations = integrations;
    this.secrets = secrets;
    this.tools = tools;
    this.users = users;
    this.allowlist = allowlist;
    this.clock = clock;
  }

  public Integration create(IntegrationDraft draft) {
    ToolCredentials tool = tool(draft.tool());
    checkBaseUrl(draft.apiBaseUrl());
    if (draft.credentials() == null) throw Invalid.required("credentials");
    Map<String, String> credentials = tool.check(draft.credentials(), draft.apiBaseUrl());
    Instant now = clock.instant();
    Integration integration = new Integration(Ids.random("int_"), tool.tool(), draft.name(), draft.apiBaseUrl(),
        List.copyOf(credentials.keySet()), 1, now, now);
    secrets.put(integration.secretName(), credentials);
    integrations.create(integration);
    return integration;
  }

  public Integration get(String id) {
    return integrations.get(id).orElseThrow(() -> new NotFound("integration", "id", id));
  }

  public Page<Integration> list(String cursor, int limit) {
    return integrations.list(cursor, limit);
  }

  /** Replaces name, base URL and, when given, the credentials; {@code expectedVersion} null: any. */
  public Integration update(String id, IntegrationDraft draft, Long expectedVersion) {
    Integration current = get(id);
    if (expectedVersion != null && expectedVersion != current.version()) throw versionConflict(id);
    ToolCredentials tool = tool(draft.tool());
    checkBaseUrl(draft.apiBaseUrl());
    Map<String, String> credentials;
    if (draft.credentials() != null) {
      credentials = tool.check(draft.credentials(), draft.apiBaseUrl());
    } else if (!draft.tool().equals(current.tool())) {
      throw new Invalid("missing_field", "credentials", "credentials are required when the tool changes");
    } else {
      // kept, and checked again: a Braze endpoint may depend on api_base_url
      credentials = tool.check(new LinkedHashMap<>(secrets.get(current.secretName()).orElse(Map.of())),
          draft.apiBaseUrl());
    }
    if (!draft.tool().equals(current.tool()) && users.userOf(id).isPresent()) {
      throw new Conflict("integration_in_use", "integration " + id + " is used by distribution "
          + users.userOf(id).get() + "; its tool cannot change");
    }
    Integration edited = new Integration(id, tool.tool(), draft.name(), draft.apiBaseUrl(),
        List.copyOf(credentials.keySet()), current.version() + 1, current.createdAt(), clock.instant());
    if (draft.credentials() != null) secrets.put(current.secretName(), credentials);
    if (!integrations.replace(edited, current.version())) throw versionConflict(id);
    return edited;
  }

  public void delete(String id) {
    Integration current = get(id);
    String user = users.userOf(id).orElse(null);
    if (user != null) {
      throw new Conflict("integration_in_use", "integration " + id + " is used by distribution " + user
          + "; change or delete the distribution first");
    }
    if (!integrations.delete(id)) throw new NotFound("integration", "id", id);
    secrets.delete(current.secretName());
  }

  private ToolCredentials tool(String name) {
    ToolCredentials tool = tools.get(name);
    if (tool == null) {
      throw new Invalid("invalid_value", "tool", "tool must be one of " + String.join(", ",
          tools.keySet().stream().sorted().toList()));
    }
    return tool;
  }

  private void checkBaseUrl(String url) {
    if (url != null) WebhookUrls.check(url, allowlist.hosts(), "api_base_url");
  }

  private static Conflict versionConflict(String id) {
    return new Conflict("version_conflict", "integration " + id + " was changed by another call; read it again");
  }
}
