package herald.domain.distributions;

import java.util.Locale;

/** Who receives a distribution. */
public enum AudienceType {
  EVENT_CUSTOMER, SEGMENT, CUSTOMER;

  /** The name in JSON: {@code event_customer}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
