package herald.domain.integrations;

import java.util.Optional;

/** Who uses an integration: a distribution whose channel names it, if any. */
public interface IntegrationUsers {
  Optional<String> userOf(String integrationId);
}
