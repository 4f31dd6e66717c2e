package herald.domain.campaigns;

import java.util.Optional;

/** Port: what uses a campaign (a distribution whose action takes its codes), so one in use is not deleted. */
public interface CampaignUsers {
  /** The id of something that uses the campaign, or empty when nothing does. */
  Optional<String> userOf(String campaignId);
}
