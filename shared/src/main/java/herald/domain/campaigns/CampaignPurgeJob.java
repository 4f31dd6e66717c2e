package herald.domain.campaigns;

import herald.domain.common.Text;
import herald.domain.jobs.Job;

/**
 * Removes a deleted campaign's codes and publications, read from the start each time (what a run deleted is gone,
 * so a follow-up needs no cursor). {@code sweep}: the last pass, queued {@link PurgeCampaign#SWEEP_DELAY} after
 * both were first found empty, for an item a late writer put there meanwhile. No async action follows a purge.
 */
public record CampaignPurgeJob(String campaignId, boolean sweep) implements Job {
  public CampaignPurgeJob {
    Text.required(campaignId, "campaign_id");
  }

  /** The first pass. */
  public static CampaignPurgeJob of(String campaignId) {
    return new CampaignPurgeJob(campaignId, false);
  }

  @Override
  public String actionId() {
    return null;
  }
}
