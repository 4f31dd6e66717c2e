package herald.domain.channels.klaviyo;

import herald.domain.customers.Customer;
import java.util.Optional;

/**
 * Who a Klaviyo event is about: the identifiers Klaviyo finds (or creates) the profile by, whatever the customer
 * has: their email, their E.164 phone as {@code phone_number}, their {@code source_id} as {@code external_id}. At
 * least one is needed. Personal data: never logged ({@link #toString()} names only which are set).
 */
public record KlaviyoProfile(String email, String phoneNumber, String externalId) {
  public KlaviyoProfile {
    email = blankToNull(email);
    phoneNumber = blankToNull(phoneNumber);
    externalId = blankToNull(externalId);
    if (email == null && phoneNumber == null && externalId == null) {
      throw new IllegalArgumentException("a Klaviyo profile needs an email, a phone number or an external id");
    }
  }

  /** The customer's identifiers; empty when they have none Klaviyo could use. */
  public static Optional<KlaviyoProfile> of(Customer customer) {
    if (blankToNull(customer.email()) == null && blankToNull(customer.phone()) == null
        && blankToNull(customer.sourceId()) == null) {
      return Optional.empty();
    }
    return Optional.of(new KlaviyoProfile(customer.email(), customer.phone(), customer.sourceId()));
  }

  @Override
  public String toString() {
    return "KlaviyoProfile[email " + (email == null ? "unset" : "set") + ", phone_number "
        + (phoneNumber == null ? "unset" : "set") + ", external_id " + (externalId == null ? "unset" : "set") + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
