package herald.domain.suppressions;

import herald.domain.common.Text;
import java.time.Instant;
import java.util.Locale;

/** An address on the suppression list, why it is there ("hard_bounce", "complaint") and since when. */
public record Suppression(String address, String reason, Instant createdAt) {
  public static final String HARD_BOUNCE = "hard_bounce";
  public static final String COMPLAINT = "complaint";

  public Suppression {
    address = normalize(address);
    reason = Text.required(reason, "reason");
  }

  /** The form addresses are kept and compared in: stripped and lowercased. */
  public static String normalize(String address) {
    return Text.required(address, "address").toLowerCase(Locale.ROOT);
  }
}
