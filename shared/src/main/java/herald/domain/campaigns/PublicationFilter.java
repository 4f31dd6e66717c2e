package herald.domain.campaigns;

import herald.domain.common.Text;

/** Which publications a list holds: those of the campaign, the customer and the source id given (null: any). */
public record PublicationFilter(String campaignId, String customerId, String sourceId) {
  public PublicationFilter {
    campaignId = Text.maxLength(Text.optional(campaignId), 64, "campaign_id");
    customerId = Text.maxLength(Text.optional(customerId), 64, "customer_id");
    sourceId = Text.maxLength(Text.optional(sourceId), PublicationRequest.MAX_SOURCE_ID, "source_id");
  }
}
