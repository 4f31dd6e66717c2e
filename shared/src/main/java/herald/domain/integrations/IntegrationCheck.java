package herald.domain.integrations;

/**
 * A tool's credential check, for {@code POST /v1/integrations/{id}/test}: one harmless call (Braze: {@code GET
 * /events/list}; Mailchimp: {@code GET /ping}; Klaviyo: {@code GET /api/accounts}; Intercom: {@code GET /me}) with
 * the stored credentials, and what the tool answered. Bound by tool name in {@code IntegrationsModule}, one per
 * tool. Throws nothing for a refusal by the tool: that is a result.
 */
public interface IntegrationCheck {
  CheckResult check(ToolAccess access);

  /** Whether the tool took the credentials, its HTTP status, and its own message (short, with no personal data). */
  record CheckResult(boolean ok, int status, String message) {}
}
