package herald.domain.distributions;

import herald.domain.campaigns.CampaignUsers;
import herald.domain.common.Page;
import jakarta.inject.Inject;
import java.util.Optional;

/** The distributions whose action takes codes from a campaign (publish_code's campaign_id). */
public final class CampaignUsage implements CampaignUsers {
  private final Distributions distributions;

  @Inject
  public CampaignUsage(Distributions distributions) {
    this.distributions = distributions;
  }

  @Override
  public Optional<String> userOf(String campaignId) {
    String cursor = null;
    do {
      Page<Distribution> page = distributions.list(null, null, cursor, 100);
      for (Distribution d : page.items()) {
        if (campaignId.equals(d.action().campaignId())) return Optional.of(d.id());
      }
      cursor = page.next();
    } while (cursor != null);
    return Optional.empty();
  }
}
