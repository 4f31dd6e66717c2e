package herald.domain.distributions;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CampaignType;
import herald.domain.campaigns.Campaigns;
import herald.domain.campaigns.FindPromotionTier;
import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.events.TriggerFilter;
import herald.domain.segments.Segments;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates, edits, deletes and moves distributions through their lifecycle. Every change is checked
 * against the stored version (optimistic concurrency: a lost race is a 409) and written to the activity log.
 * Each activation, also one of a distribution already ACTIVE (a retried call), is told to {@link Activations}
 * after the status is saved, so a retry after a failure there starts what the first call did not.
 * A segment the distribution names (its audience's, its trigger's segment_id) must exist when it is saved,
 * and still exist when it is activated or sent: a segment in use cannot be deleted, but a delete racing a save
 * can slip between the two checks, and a distribution stored before this check may name one that never existed.
 * The same holds for the campaign a publish_code action names ({@code unknown_campaign} on action.campaign_id), and
 * for the PROMOTION campaign and tier a notify_promotion action names ({@link FindPromotionTier}: {@code
 * unknown_campaign}, {@code unknown_promotion_tier}). The channels' secrets go to the secret store at each write
 * ({@link DistributionSecrets}); a document read that still holds one is moved there ({@link #moved}).
 */
public final class ManageDistributions {
  private final Distributions distributions;
  private final Segments segments;
  private final Campaigns campaigns;
  private final DistributionRules rules;
  private final Activity activity;
  private final Clock clock;
  private final Activations activations;
  private final FindPromotionTier tiers;
  private final DistributionSecrets secrets;

  @Inject
  public ManageDistributions(Distributions distributions, Segments segments, Campaigns campaigns,
      DistributionRules rules, Activity activity, Clock clock, Activations activations, DistributionSecrets secrets) {
    this.distributions = distributions;
    this.segments = segments;
    this.campaigns = campaigns;
    this.rules = rules;
    this.activity = activity;
    this.clock = clock;
    this.activations = activations;
    this.tiers = new FindPromotionTier(campaigns, clock);
    this.secrets = secrets;
  }

  /** With nothing told of activations, and the channels' secrets kept in the document. */
  public ManageDistributions(Distributions distributions, Segments segments, Campaigns campaigns,
      DistributionRules rules, Activity activity, Clock clock) {
    this(distributions, segments, campaigns, rules, activity, clock, Activations.NONE, DistributionSecrets.IN_DOCUMENT);
  }

  public Distribution create(DistributionDraft draft, String actor) {
    DistributionDraft checked = rules.check(draft);
    segmentsExist(checked.trigger(), checked.audience());
    campaignExists(checked.action());
    Distribution distribution = Distribution.create(Ids.random("dist_"), checked, clock.instant());
    distributions.create(secrets.seal(distribution));
    record(distribution, actor, "created");
    return distribution;
  }

  public Distribution get(String id) {
    return moved(distributions.get(id).orElseThrow(() -> new NotFound("distribution", "id", id)));
  }

  /** A page of distributions, each one that still held a secret in its document moved out ({@link #moved}). */
  public Page<Distribution> list(DistributionStatus status, String triggerType, String cursor, int limit) {
    Page<Distribution> page = distributions.list(status, triggerType, cursor, limit);
    return new Page<>(page.items().stream().map(this::moved).toList(), page.next());
  }

  /**
   * The one-off migration, done as the API reads: a document that still holds a channel's secret (saved before
   * secrets moved to the secret store) is written again, same version and content, holding references only. Lost
   * to a concurrent write (which moved them itself), the secrets it stored are deleted again.
   */
  private Distribution moved(Distribution stored) {
    Distribution sealed = secrets.seal(stored);
    if (sealed == stored) return stored;
    if (distributions.replace(sealed, stored.version())) return sealed;
    secrets.written(sealed, null);
    return stored;
  }

  /** Replaces the content of a distribution whose version is still {@code expectedVersion}. */
  public Distribution edit(String id, DistributionDraft draft, long expectedVersion, String actor) {
    Distribution current = current(id, expectedVersion);
    if (!current.status().editable()) {
      throw new Conflict("not_editable", "a " + current.status() + " distribution cannot be edited");
    }
    DistributionDraft checked = rules.checkEdit(draft, current);
    segmentsExist(checked.trigger(), checked.audience());
    campaignExists(checked.action());
    if (current.status() != DistributionStatus.DRAFT && checked.trigger().manual() != current.manual()) {
      throw new Conflict("not_editable", "only a DRAFT distribution can switch between manual and automatic");
    }
    Distribution edited = current.edit(checked, clock.instant());
    replace(edited, current);
    activity.record(new ActivityEntry(subject(edited.id()), edited.updatedAt(), actor, "updated", edited.version(),
        java.util.Map.of("changes", changes(current, edited))));
    return edited;
  }

  /** Moves a distribution to a new status; a concurrent change makes it a 409. */
  public Distribution moveTo(String id, DistributionStatus next, String actor) {
    Distribution current = get(id);
    Distribution moved = current.moveTo(next, clock.instant());
    if (next == DistributionStatus.ACTIVE || next == DistributionStatus.SCHEDULED) {
      segmentsExist(current.trigger(), current.audience());
      campaignExists(current.action());
    }
    if (moved != current) {
      replace(moved, current);
      record(moved, actor, verb(next));
    }
    if (next == DistributionStatus.ACTIVE) activations.activated(moved);
    return moved;
  }

  /**
   * Schedules a manual distribution that is still {@code current} (DRAFT, or SCHEDULED: the new schedule supersedes
   * the earlier one), after the checks a send makes: its segment and campaign still exist.
   */
  public Distribution schedule(Distribution current, SendSchedule schedule, String actor) {
    if (!current.manual()) {
      throw new Conflict("invalid_transition", "only a manual distribution is sent by hand; activate this one");
    }
    Distribution scheduled = current.scheduled(schedule, clock.instant());
    checkReferences(current);
    replace(scheduled, current);
    record(scheduled, actor, verb(DistributionStatus.SCHEDULED));
    return scheduled;
  }

  /** Invalid when a segment or campaign the distribution names no longer exists (checked when activated or sent). */
  public void checkReferences(Distribution distribution) {
    segmentsExist(distribution.trigger(), distribution.audience());
    campaignExists(distribution.action());
  }

  public void delete(String id, long expectedVersion, String actor) {
    Distribution current = current(id, expectedVersion);
    if (!current.status().deletable()) {
      throw new Conflict("not_deletable", "a " + current.status() + " distribution cannot be deleted; "
          + (current.manual() ? "stop" : "archive") + " it first");
    }
    if (!distributions.delete(id, expectedVersion)) throw versionConflict(id);
    secrets.written(current, null);
    activity.record(new ActivityEntry(subject(id), clock.instant(), actor, "deleted", current.version()));
  }

  private Distribution current(String id, long expectedVersion) {
    Distribution current = get(id);
    if (current.version() != expectedVersion) throw versionConflict(id);
    return current;
  }

  /** Invalid {@code unknown_segment} naming the field whose segment does not exist. */
  private void segmentsExist(Trigger trigger, Audience audience) {
    segmentExists(audience.segmentId(), "audience.segment_id");
    String triggers = trigger.filter(TriggerFilter.SEGMENT_ID.name());
    if (triggers != null && !triggers.equals(audience.segmentId())) {
      segmentExists(triggers, "trigger.filters." + TriggerFilter.SEGMENT_ID.name());
    }
  }

  /**
   * Invalid {@code unknown_campaign} when the action names a campaign (publish_code) that does not exist; for
   * notify_promotion, its campaign_id required and its tier found ({@link FindPromotionTier}).
   */
  private void campaignExists(Action action) {
    String id = action.campaignId();
    if (action.type() == ActionType.NOTIFY_PROMOTION) {
      if (id == null) throw Invalid.required("action.campaign_id");
      tiers.find(id, action.promotionTierId(), "action.campaign_id", "action.promotion_tier_id");
      return;
    }
    if (id == null || action.type() != ActionType.PUBLISH_CODE) return;
    Optional<Campaign> campaign = Campaign.isId(id) ? campaigns.get(id) : Optional.empty();
    if (campaign.isEmpty()) {
      throw new Invalid("unknown_campaign", "action.campaign_id", "campaign " + (id.length() > 40 ? id.substring(0, 40)
          + "..." : id) + " does not exist; name an existing campaign");
    }
    if (campaign.get().settings().type() == CampaignType.PROMOTION) {
      throw new Invalid("invalid_value", "action.campaign_id", "campaign " + id + " is a PROMOTION, which has tiers, "
          + "not codes; publish_code names a campaign with codes (notify_promotion sends a tier)");
    }
  }

  private void segmentExists(String segmentId, String field) {
    if (segmentId != null && segments.get(segmentId).isEmpty()) {
      throw new Invalid("unknown_segment", field, "segment " + segmentId + " does not exist; name an existing segment");
    }
  }

  /** Writes {@code changed} over {@code current}, its secrets sealed (see {@link DistributionSecrets}). */
  private void replace(Distribution changed, Distribution current) {
    Distribution sealed = secrets.seal(changed);
    if (!distributions.replace(sealed, current.version())) throw versionConflict(changed.id());
    secrets.written(current, sealed);
  }

  private void record(Distribution d, String actor, String action) {
    activity.record(new ActivityEntry(subject(d.id()), d.updatedAt(), actor, action, d.version()));
  }

  /** The fields an edit changed: name, description, trigger, audience, action, channels. */
  static java.util.List<String> changes(Distribution before, Distribution after) {
    java.util.List<String> changed = new java.util.ArrayList<>();
    if (!java.util.Objects.equals(before.name(), after.name())) changed.add("name");
    if (!java.util.Objects.equals(before.description(), after.description())) changed.add("description");
    if (!java.util.Objects.equals(before.trigger(), after.trigger())) changed.add("trigger");
    if (!java.util.Objects.equals(before.audience(), after.audience())) changed.add("audience");
    if (!java.util.Objects.equals(before.action(), after.action())) changed.add("action");
    if (!java.util.Objects.equals(before.channels(), after.channels())) changed.add("channels");
    return changed;
  }

  public static String subject(String distributionId) {
    return "distribution#" + distributionId;
  }

  private static Conflict versionConflict(String id) {
    return new Conflict("version_conflict", "distribution " + id + " was changed by another call; read it again");
  }

  private static String verb(DistributionStatus next) {
    return switch (next) {
      case ACTIVE -> "activated";
      case PAUSED -> "paused";
      case ARCHIVED -> "archived";
      case SCHEDULED -> "scheduled";
      case SENDING -> "sending";
      case DONE -> "done";
      case STOPPED -> "stopped";
      case DRAFT -> "drafted";
    };
  }
}
