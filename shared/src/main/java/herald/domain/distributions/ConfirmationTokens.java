package herald.domain.distributions;

import herald.domain.common.Conflict;
import herald.domain.common.SigningKey;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The token a manual send's dry run gives and its confirmation must bring back: {@code <expiry>.<signature>}, the
 * expiry in Unix seconds and the signature Herald's {@link SigningKey} makes over (distribution id, version,
 * expiry). It binds the version the dry run described: an edit after the dry run makes it foreign, as does a token
 * of another distribution or deployment. Nothing is stored.
 */
public final class ConfirmationTokens {
  public static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final String PURPOSE = "manual-send:";
  private final SigningKey key;

  @Inject
  public ConfirmationTokens(SigningKey key) {
    this.key = key;
  }

  public record Token(String value, Instant expiresAt) {}

  public Token issue(Distribution distribution, Instant now) {
    long expiry = now.plus(LIFETIME).getEpochSecond();
    return new Token(expiry + "." + key.sign(PURPOSE, signed(distribution, expiry)), Instant.ofEpochSecond(expiry));
  }

  /**
   * Conflict {@code confirmation_token_invalid} for a token not made for this version of this distribution, or
   * {@code confirmation_token_expired} for one past its expiry.
   */
  public void check(Distribution distribution, String token, Instant now) {
    int dot = token == null ? -1 : token.indexOf('.');
    long expiry;
    try {
      expiry = dot < 1 ? -1 : Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      expiry = -1;
    }
    if (expiry < 0 || !key.verify(PURPOSE, signed(distribution, expiry), token.substring(dot + 1))) {
      throw new Conflict("confirmation_token_invalid", "this confirmation token was not made for this version of "
          + "this distribution (edited since the dry run?); ask for a new one with a dry run (send without a token)");
    }
    if (!now.isBefore(Instant.ofEpochSecond(expiry))) {
      throw new Conflict("confirmation_token_expired", "this confirmation token expired at "
          + Instant.ofEpochSecond(expiry) + "; ask for a new one with a dry run (send without a token)");
    }
  }

  private static String signed(Distribution distribution, long expiry) {
    return distribution.id() + ":" + distribution.version() + ":" + expiry;
  }
}
