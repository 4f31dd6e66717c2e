package herald.domain.distributions;

/** Who receives a distribution. */
public enum AudienceType {
  EVENT_CUSTOMER, SEGMENT, CUSTOMER
}
