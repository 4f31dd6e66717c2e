package herald.domain.delivery;

import jakarta.inject.Inject;

import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.channels.ChannelType;
import herald.domain.suppressions.Suppressions;

/**
 * Whether a customer may receive a channel: an address for it, their consent (absent means allowed, a
 * revocation blocks it), and for email an address not on the suppression list.
 */
public final class Recipients {
  private final Suppressions suppressions;
  private final UnsubscribeLinks links;

  @Inject
  public Recipients(Suppressions suppressions, UnsubscribeLinks links) {
    this.suppressions = suppressions;
    this.links = links;
  }

  /** Why this customer cannot receive the channel, or null when they can. */
  public SkipReason refusal(Customer customer, ChannelType channel) {
    if (customer == null) return SkipReason.NO_ADDRESS;
    return switch (channel) {
      case EMAIL -> {
        if (customer.email() == null) yield SkipReason.NO_ADDRESS;
        if (revoked(customer, "email")) yield SkipReason.NO_CONSENT;
        yield suppressions.contains(customer.email()) ? SkipReason.SUPPRESSED : null;
      }
      case SMS -> {
        if (customer.phone() == null) yield SkipReason.NO_ADDRESS;
        yield revoked(customer, "sms") ? SkipReason.NO_CONSENT : null;
      }
      default -> null;
    };
  }

  public String unsubscribeUrl(Customer customer) {
    return links.urlFor(customer.id());
  }

  private static boolean revoked(Customer customer, String channel) {
    Consent consent = customer.consents().get(channel);
    return consent != null && !consent.granted();
  }
}
