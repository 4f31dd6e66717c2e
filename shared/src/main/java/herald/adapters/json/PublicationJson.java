package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.campaigns.Publication;
import herald.domain.campaigns.PublicationRequest;
import herald.domain.customers.CustomerProfile;
import herald.platform.Json;
import java.util.Set;

/**
 * A publication request, {@code {campaign_id, customer: {source_id, ...} | customer_id, source_id?, metadata?,
 * channel?}}, and a publication as the API answers it: {@code {id, created_at, campaign_id, customer_id, source_id,
 * channel, metadata, voucher: {code, expiration_date, qr_url}}}.
 */
public final class PublicationJson {
  private static final Set<String> FIELDS = Set.of("campaign_id", "customer", "customer_id", "source_id", "metadata",
      "channel");

  private PublicationJson() {}

  public static PublicationRequest parse(JsonNode body) {
    Fields f = Fields.of(body, "", FIELDS);
    JsonNode customer = f.node("customer");
    CustomerProfile profile = customer == null ? null : CustomerJson.parse(customer, "customer");
    return new PublicationRequest(f.requiredText("campaign_id"), f.text("customer_id"), profile, f.text("source_id"),
        f.text("channel"), f.object("metadata"));
  }

  /** The publication; {@code qrUrl} is the signed link to its code's QR image (null when none can be made). */
  public static ObjectNode write(Publication p, String qrUrl) {
    ObjectNode node = Json.object();
    node.put("id", p.id());
    node.put("created_at", p.createdAt().toString());
    node.put("campaign_id", p.campaignId());
    node.put("customer_id", p.customerId());
    node.put("source_id", p.sourceId());
    node.put("channel", p.channel());
    node.set("metadata", Json.MAPPER.valueToTree(p.metadata()));
    ObjectNode voucher = node.putObject("voucher");
    voucher.put("code", p.code());
    voucher.put("expiration_date", p.expirationDate() == null ? null : p.expirationDate().toString());
    voucher.put("qr_url", qrUrl);
    return node;
  }
}
