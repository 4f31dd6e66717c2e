package herald.domain.campaigns;

import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.intake.UpsertCustomer;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Publishes a code of a campaign to a customer through the API: the customer found or upserted, a code held for
 * the publication and published at once ({@link HoldCode} says how a repeated call finds the publication it made).
 */
public final class PublishCode {
  public static final String EVENT = HoldCode.EVENT;
  private final HoldCode hold;
  private final Customers customers;
  private final UpsertCustomer upsert;

  @Inject
  public PublishCode(HoldCode hold, Customers customers, UpsertCustomer upsert) {
    this.hold = hold;
    this.customers = customers;
    this.upsert = upsert;
  }

  /** A publication, and whether this call made it (false: an earlier call with the same key did). */
  public record Published(Publication publication, boolean isNew) {}

  /**
   * Refuses an unknown campaign ({@code unknown_campaign}), one not running ({@code campaign_not_started}, {@code
   * campaign_expired}), a PROMOTION (no codes) and an unknown customer id ({@code unknown_customer}) before
   * anything is written; an empty pool is a {@link Conflict} {@code code_pool_exhausted}.
   */
  public Published publish(PublicationRequest request) {
    Campaign campaign = hold.running(request.campaignId());
    Customer customer = customer(request);
    Publication held = hold.hold(campaign, customer, request.sourceId(), request.channel(), request.metadata());
    if (held.published()) return new Published(held, false);
    return new Published(hold.confirm(campaign, customer, held), true);
  }

  private Customer customer(PublicationRequest request) {
    if (request.customer() != null) return upsert.upsert(request.customer());
    String id = request.customerId();
    Optional<Customer> customer = id.matches("cust_[0-9a-f]{32}") ? customers.get(id) : Optional.empty();
    return customer.orElseThrow(() -> new Invalid("unknown_customer", "customer_id",
        "customer " + HoldCode.abbreviated(id) + " does not exist"));
  }
}
