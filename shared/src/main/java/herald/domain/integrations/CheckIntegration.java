package herald.domain.integrations;

import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/integrations/{id}/test}: the tool's {@link IntegrationCheck} with the stored credentials. Empty
 * when the tool has no check yet (its adapter has not landed): the API answers 501 {@code not_implemented} rather
 * than pretend the credentials work.
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

  public Optional<IntegrationCheck.CheckResult> check(String id) {
    Integration integration = manage.get(id);
    IntegrationCheck check = checks.get(integration.tool());
    if (check == null) return Optional.empty();
    return Optional.of(check.check(load.access(integration)));
  }

  /** Whether the tool has a check. */
  public boolean supports(String tool) {
    return checks.containsKey(tool);
  }
}
