package herald.domain.campaigns;

import herald.domain.common.Text;
import java.time.Instant;

/**
 * A campaign: its settings, and {@code generationId}, the async action that last generated its codes (null
 * when none did). Every change bumps {@code version}.
 */
public record Campaign(String id, CampaignSettings settings, long version, Instant createdAt, Instant updatedAt,
    String generationId) {
  public static final String PREFIX = "camp_";

  public Campaign {
    Text.required(id, "id");
    if (settings == null) throw new IllegalArgumentException("settings are required");
  }

  public static Campaign create(String id, CampaignSettings settings, Instant now) {
    return new Campaign(id, settings, 1, now, now, null);
  }

  /** This campaign with new settings, one version up. */
  public Campaign edit(CampaignSettings newSettings, Instant now) {
    return new Campaign(id, newSettings, version + 1, createdAt, now, generationId);
  }

  /** This campaign, same version, whose codes the async action {@code actionId} generates. */
  public Campaign generatedBy(String actionId) {
    return new Campaign(id, settings, version, createdAt, updatedAt, actionId);
  }

  /** Whether {@code id} can be a campaign's id (ids are checked where they enter, before any read). */
  public static boolean isId(String id) {
    return id != null && id.matches("camp_[0-9a-f]{32}");
  }
}
