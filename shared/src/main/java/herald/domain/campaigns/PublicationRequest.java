package herald.domain.campaigns;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import herald.domain.customers.CustomerProfile;
import java.util.Map;

/**
 * A request to publish a code of {@code campaignId} to a customer, named by {@code customerId} (one that exists)
 * or given as a {@code customer} profile (created or updated by its source_id): exactly one of the two. {@code
 * sourceId} is the caller's key: the same key again gets the same publication. {@code channel} defaults to API.
 */
public record PublicationRequest(String campaignId, String customerId, CustomerProfile customer, String sourceId,
    String channel, Map<String, Object> metadata) {
  public static final int MAX_SOURCE_ID = 200;
  public static final String DEFAULT_CHANNEL = "API";

  public PublicationRequest {
    campaignId = Text.required(campaignId, "campaign_id");
    if ((customerId == null) == (customer == null)) {
      String why = "give either customer (a profile with its source_id) or customer_id, not both";
      throw customerId == null ? new Invalid("missing_field", "customer", why) : new Invalid("invalid_value", "customer", why);
    }
    sourceId = Text.maxLength(Text.optional(sourceId), MAX_SOURCE_ID, "source_id");
    channel = Text.optional(channel);
    if (channel == null) channel = DEFAULT_CHANNEL;
    if (!channel.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new Invalid("invalid_value", "channel", "channel is 1 to 64 letters, digits, _, . or -");
    }
    metadata = metadata == null ? Map.of() : metadata;
  }
}
