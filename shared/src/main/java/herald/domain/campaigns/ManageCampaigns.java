package herald.domain.campaigns;

import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.intake.ImportFile;
import herald.domain.intake.StartImport;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.Jobs;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Creates, reads, edits and deletes campaigns. Edits are checked against the stored version (a lost race is a
 * 409); a campaign's type never changes; one a distribution uses is not deleted (409 {@code campaign_in_use}).
 */
public final class ManageCampaigns {
  private final Campaigns campaigns;
  private final CampaignUsers users;
  private final StartCodeGeneration generation;
  private final CodesJobs codesJobs;
  private final StartImport imports;
  private final Jobs jobs;
  private final Clock clock;

  @Inject
  public ManageCampaigns(Campaigns campaigns, CampaignUsers users, StartCodeGeneration generation, CodesJobs codesJobs,
      StartImport imports, Jobs jobs, Clock clock) {
    this.jobs = jobs;
    this.codesJobs = codesJobs;
    this.imports = imports;
    this.campaigns = campaigns;
    this.users = users;
    this.generation = generation;
    this.clock = clock;
  }

  /**
   * Creates the campaign and, when {@code codesCount} is given, starts generating that many codes (checked before
   * anything is created: {@code codes_count} 1 to 1,000,000 and room in the code configuration).
   */
  public CountedCampaign create(CampaignSettings settings, Long codesCount) {
    Campaign campaign = Campaign.create(Ids.random(Campaign.PREFIX), settings, clock.instant());
    if (codesCount != null) StartCodeGeneration.check(campaign, codesCount, 0, "codes_count");
    if (!campaigns.create(campaign)) throw new IllegalStateException("campaign id " + campaign.id() + " exists");
    if (codesCount != null) {
      campaign = campaign.generatedBy(generation.start(campaign, codesCount, "codes_count"));
    }
    return new CountedCampaign(campaign, new CodeCounts(0, 0));
  }

  /**
   * Starts importing a file of codes into the campaign, as customers are imported ({@link StartImport}): the async
   * action's id. Each row's code is added unless the campaign, or an earlier row, has it ({@link ImportCodes}).
   * Conflict while another job makes the campaign's codes ({@link CodesJobs}).
   */
  public String importCodes(String id, ImportFile file) {
    Campaign campaign = get(id);
    return imports.start(codesJobs.importing(campaign), file, AsyncActionType.CODES_IMPORT,
        (action, part, rows) -> new CodeImportJob(action, campaign.id(), part, rows));
  }

  /** Starts generating {@code count} more codes for the campaign: the async action's id. */
  public String generate(String id, long count) {
    return generation.start(get(id), count, "count");
  }

  /** The campaign; NotFound for an id that is not one (checked before anything is read). */
  public Campaign get(String id) {
    if (!Campaign.isId(id)) throw new NotFound("campaign", "id", abbreviated(id));
    return campaigns.get(id).orElseThrow(() -> new NotFound("campaign", "id", id));
  }

  public CountedCampaign counted(String id) {
    Campaign campaign = get(id);
    return new CountedCampaign(campaign, campaigns.counts(id));
  }

  public Page<Campaign> list(String cursor, int limit) {
    return campaigns.list(cursor, limit);
  }

  /** Replaces the settings of a campaign still at {@code expectedVersion}; its type cannot change. */
  public CountedCampaign update(String id, CampaignSettings settings, long expectedVersion) {
    Campaign current = get(id);
    if (settings.type() != current.settings().type()) {
      throw new Invalid("immutable_field", "type", "a campaign's type cannot change; create a new campaign");
    }
    if (current.version() != expectedVersion) throw versionConflict(id);
    if (settings.equals(current.settings())) return new CountedCampaign(current, campaigns.counts(id));
    Campaign edited = current.edit(settings, clock.instant());
    if (!campaigns.replace(edited, expectedVersion)) throw versionConflict(id);
    return new CountedCampaign(edited, campaigns.counts(id));
  }

  /**
   * Deletes a campaign no distribution uses, if given at {@code expectedVersion} (null: any); its codes and
   * publications go in the background ({@link PurgeCampaign}).
   */
  public void delete(String id, Long expectedVersion) {
    Campaign current = get(id);
    if (expectedVersion != null && current.version() != expectedVersion) throw versionConflict(id);
    String user = users.userOf(id).orElse(null);
    if (user != null) {
      throw new Conflict("campaign_in_use", "campaign " + id + " is used by distribution " + user
          + "; change or delete the distribution first");
    }
    if (!campaigns.delete(id)) throw new NotFound("campaign", "id", id);
    jobs.put(List.of(CampaignPurgeJob.of(id)));
  }

  private static String abbreviated(String id) {
    return id.length() <= 40 ? id : id.substring(0, 40) + "...";
  }

  private static Conflict versionConflict(String id) {
    return new Conflict("version_conflict", "campaign " + id + " was changed by another call; read it again");
  }
}
