package herald.domain.channels.webhook;

import java.util.Set;

/**
 * The hosts a webhook may reach though they are not public ({@code host} or {@code host:port}, lower case): the
 * deployment's {@code HERALD_WEBHOOK_ALLOWLIST}, for the local runtime's own machine.
 */
public record WebhookAllowlist(Set<String> hosts) {
  public WebhookAllowlist {
    hosts = Set.copyOf(hosts);
  }

  /** From its comma-separated text (null or blank: none). */
  public static WebhookAllowlist of(String commaSeparated) {
    return new WebhookAllowlist(WebhookUrls.allowlist(commaSeparated));
  }
}
