package herald.domain.delivery;

/**
 * Why a message was not sent, besides the channel's own refusals ({@link herald.domain.channels.Refusal}:
 * no_address, no_consent, suppressed, missing_brand_details).
 */
public enum SkipReason {
  DISTRIBUTION_STOPPED, QUOTA_EXCEEDED, CODE_POOL_EXHAUSTED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
