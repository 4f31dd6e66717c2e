package herald.domain.integrations;

import herald.domain.channels.DeliveryFailure;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code POST /v1/integrations/{id}/test}: the tool's {@link IntegrationCheck} with the stored credentials. A
 * tool that cannot be reached (its host refused by the SSRF guard, a timeout, a broken connection) is a result too:
 * not ok, status 0, and why.
 */
public final class CheckIntegration {
  private final ManageIntegrations manage;
  private final LoadIntegration load;
  private final Map<String, IntegrationCheck> checks;

  @Inject
  public CheckIntegration(ManageIntegrations manage, LoadIntegration load, Map<String, IntegrationCheck> checks) {
    this.manage = manage;
    this.load = load;
    this.checks = checks;
  }

  public IntegrationCheck.CheckResult check(String id) {
    Integration integration = manage.get(id);
    IntegrationCheck check = checks.get(integration.tool());
    if (check == null) throw new IllegalStateException("no credential check is bound for " + integration.tool());
    try {
      return check.check(load.access(integration));
    } catch (DeliveryFailure unreachable) {
      return new IntegrationCheck.CheckResult(false, 0, "the tool could not be reached: " + unreachable.reason());
    }
  }
}
