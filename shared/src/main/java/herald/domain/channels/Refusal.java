package herald.domain.channels;

import java.util.Locale;

/** Why a channel cannot reach a customer before anything is sent: the message ends SKIPPED with this reason. */
public enum Refusal {
  NO_ADDRESS, NO_CONSENT, SUPPRESSED, MISSING_BRAND_DETAILS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
