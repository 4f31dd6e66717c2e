package herald.domain.campaigns;

import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * One job at a time makes a campaign's codes: a generation writes its codes with unconditional batch writes after
 * reading which exist, so another job creating codes in between (an import, a second generation) could be
 * overwritten. Starting a job names its async action on the campaign with a conditional write; a second start
 * while that action is in progress is 409 {@code codes_job_running}. An action that has recorded nothing for
 * {@link #STALE} (a part stuck in a dead-letter queue) no longer holds the campaign.
 */
public final class CodesJobs {
  public static final Duration STALE = Duration.ofMinutes(15);
  private final Campaigns campaigns;
  private final AsyncActions actions;
  private final Clock clock;

  @Inject
  public CodesJobs(Campaigns campaigns, AsyncActions actions, Clock clock) {
    this.campaigns = campaigns;
    this.actions = actions;
    this.clock = clock;
  }

  /** The id the new job's async action must have; Conflict while another job makes the campaign's codes. */
  public String take(String campaignId) {
    String held = campaigns.codesJob(campaignId).orElse(null);
    if (held != null && running(held)) throw running(campaignId, held);
    String id = Ids.random(AsyncAction.PREFIX);
    if (!campaigns.takeCodesJob(campaignId, held, id)) {
      throw running(campaignId, campaigns.codesJob(campaignId).orElse("another action"));
    }
    return id;
  }

  private boolean running(String actionId) {
    return actions.get(actionId)
        .filter(a -> a.status() == AsyncActionStatus.IN_PROGRESS)
        .filter(a -> a.updatedAt().isAfter(clock.instant().minus(STALE)))
        .isPresent();
  }

  private static Conflict running(String campaignId, String actionId) {
    return new Conflict("codes_job_running", "async action " + actionId + " is making the codes of campaign "
        + campaignId + "; start this when it is done (GET /v1/async-actions/" + actionId + ")");
  }
}
