package herald.domain.campaigns;

import herald.domain.common.Invalid;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Jobs;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Starts generating codes for a campaign as an async action: checks the count (1 to {@value #MAX_COUNT}) and that
 * the code configuration has room for it before anything is created, then queues the first part of {@link
 * GenerateCodes#PART} codes; each part queues the next.
 */
public final class StartCodeGeneration {
  public static final long MAX_COUNT = 1_000_000;
  private final Campaigns campaigns;
  private final CodesJobs codesJobs;
  private final AsyncActions actions;
  private final Jobs jobs;
  private final Clock clock;

  @Inject
  public StartCodeGeneration(Campaigns campaigns, CodesJobs codesJobs, AsyncActions actions, Jobs jobs, Clock clock) {
    this.campaigns = campaigns;
    this.codesJobs = codesJobs;
    this.actions = actions;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Refuses a count out of range or one the code configuration cannot hold ({@link Invalid} on {@code field}). */
  public static void check(Campaign campaign, long count, long existing, String field) {
    if (count < 1 || count > MAX_COUNT) {
      throw new Invalid("invalid_value", field, field + " is 1 to " + MAX_COUNT);
    }
    campaign.settings().codeConfig().checkRoom(count, existing, field);
  }

  /**
   * The new action's id; the campaign then names it as its generation. Conflict while another job makes the
   * campaign's codes ({@link CodesJobs}).
   */
  public String start(Campaign campaign, long count, String field) {
    check(campaign, count, campaigns.counts(campaign.id()).total(), field);
    CodesJobs.Start started = codesJobs.generation(campaign, count);
    String id = started.actionId();
    int parts = (int) ((count + GenerateCodes.PART - 1) / GenerateCodes.PART);
    actions.create(AsyncAction.start(id, AsyncActionType.CODES_GENERATION, parts, clock.instant()));
    jobs.put(List.of(new CodeJob(id, campaign.id(), 0, parts, count, started.firstIndex())));
    campaigns.replace(campaign.generatedBy(id), campaign.version());
    return id;
  }
}
