package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.common.Page;
import herald.domain.integrations.IntegrationUsers;
import jakarta.inject.Inject;
import java.util.Optional;

/** The distributions whose channel names an integration ({@code integration_id}), in any status. */
public final class IntegrationUsage implements IntegrationUsers {
  private final Distributions distributions;

  @Inject
  public IntegrationUsage(Distributions distributions) {
    this.distributions = distributions;
  }

  @Override
  public Optional<String> userOf(String integrationId) {
    String cursor = null;
    do {
      Page<Distribution> page = distributions.list(null, null, cursor, 100);
      for (Distribution d : page.items()) {
        for (Channel channel : d.channels()) {
          if (integrationId.equals(channel.integration())) return Optional.of(d.id());
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return Optional.empty();
  }
}
