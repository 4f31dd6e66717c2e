package herald.domain.campaigns;

import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import herald.domain.jobs.Jobs;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Removes a deleted campaign's codes, then its publications, a page at a time. When the time runs short the rest
 * goes on in a follow-up job (the same job again); a run always purges at least one page. When both are first
 * found empty, one last sweep is queued {@link #SWEEP_DELAY} later: a generation part or a publication that read
 * the campaign just before it was deleted may still write a code or a publication, and the sweep removes it.
 *
 * <p>Does nothing while the campaign exists (a job put by hand). A job run twice does no harm.
 */
public final class PurgeCampaign implements JobWork {
  public static final int PAGE = 500;
  /** Longer than the longest run of a function that writes codes (the jobs function's 300 s). */
  public static final Duration SWEEP_DELAY = Duration.ofMinutes(6);
  private final Campaigns campaigns;
  private final Codes codes;
  private final Publications publications;
  private final Jobs jobs;

  @Inject
  public PurgeCampaign(Campaigns campaigns, Codes codes, Publications publications, Jobs jobs) {
    this.campaigns = campaigns;
    this.codes = codes;
    this.publications = publications;
    this.jobs = jobs;
  }

  @Override
  public Class<CampaignPurgeJob> kind() {
    return CampaignPurgeJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    CampaignPurgeJob purge = (CampaignPurgeJob) job;
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("campaign_id", purge.campaignId());
    summary.put("sweep", Boolean.toString(purge.sweep()));
    if (campaigns.get(purge.campaignId()).isPresent()) {
      summary.put("skipped", "campaign_exists");
      return summary;
    }
    long deleted = 0;
    int page;
    do {
      page = codes.purge(purge.campaignId(), PAGE);
      if (page < PAGE) page += publications.purge(purge.campaignId(), PAGE - page);
      deleted += page;
    } while (page == PAGE && timeLeft.getAsBoolean());
    boolean empty = page < PAGE;
    summary.put("deleted", Long.toString(deleted));
    if (!empty) {
      jobs.put(List.of(purge));
      summary.put("next", "follow_up");
    } else if (!purge.sweep()) {
      jobs.put(List.of(new CampaignPurgeJob(purge.campaignId(), true)), SWEEP_DELAY);
      summary.put("next", "sweep");
    } else {
      summary.put("next", "none");
    }
    return summary;
  }
}
