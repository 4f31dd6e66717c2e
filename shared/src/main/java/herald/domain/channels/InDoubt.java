package herald.domain.channels;

import java.util.Locale;

/**
 * What a channel does with a message found in doubt: an earlier delivery stopped while calling the provider, so
 * nobody knows whether the provider took it.
 */
public enum InDoubt {
  /** Send it again: the provider deduplicates (a webhook carries the message id as its Idempotency-Key). */
  RESEND,
  /** End it {@code FAILED outcome_unknown}: the provider cannot tell, and sending twice cannot be taken back. */
  OUTCOME_UNKNOWN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
