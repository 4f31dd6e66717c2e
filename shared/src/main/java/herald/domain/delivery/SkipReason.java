package herald.domain.delivery;

/** Why a message was not sent. */
public enum SkipReason {
  NO_CONSENT, SUPPRESSED, NO_ADDRESS, MISSING_BRAND_DETAILS, DISTRIBUTION_STOPPED, QUOTA_EXCEEDED, CODE_POOL_EXHAUSTED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
