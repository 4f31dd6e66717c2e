package herald.domain.campaigns;

import herald.domain.common.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A code of a campaign given to a customer. It is written {@code published == false} (pending) with the code it is
 * about to claim before the claim, so a crash between the two never leaves a code claimed for a publication that
 * does not name it; it is published once the code is its own. {@code sourceId} is the caller's key (null when none
 * was given), {@code expirationDate} when the code stops being valid (null: never).
 */
public record Publication(String id, String campaignId, String customerId, String sourceId, String channel,
    Map<String, Object> metadata, String code, Instant expirationDate, Instant createdAt, boolean published) {
  public static final String PREFIX = "pub_";

  public Publication {
    Text.required(id, "id");
    Text.required(campaignId, "campaign_id");
    Text.required(customerId, "customer_id");
    Text.required(code, "code");
    metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    if (createdAt == null) throw new IllegalArgumentException("createdAt is required");
  }

  /** This pending publication about to claim {@code another} code instead. */
  public Publication withCode(String another) {
    return new Publication(id, campaignId, customerId, sourceId, channel, metadata, another, expirationDate, createdAt,
        false);
  }

  public Publication asPublished() {
    return new Publication(id, campaignId, customerId, sourceId, channel, metadata, code, expirationDate, createdAt,
        true);
  }

  /** Whether {@code id} can be a publication's id. */
  public static boolean isId(String id) {
    return id != null && id.matches("pub_[0-9a-f]{32}");
  }
}
