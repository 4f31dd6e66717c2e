package herald.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Herald's signing key, which signs the links Herald puts in messages (unsubscribe links, voucher QR codes): the
 * signature of a value is the unpadded base64url HMAC-SHA256 of {@code purpose + value}, so a signature made for
 * one purpose is worth nothing for another. Only Herald can make one.
 */
public final class SigningKey {
  public static final int MIN_LENGTH = 16;
  private final SecretKeySpec key;

  /** {@code signingKey} has at least 16 characters. */
  public SigningKey(String signingKey) {
    if (signingKey == null || signingKey.strip().length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the signing key must have at least " + MIN_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] hmac = mac.doFinal((purpose + value).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when {@code signature} is the value's for this purpose; compared in constant time. */
  public boolean verify(String purpose, String value, String signature) {
    if (value == null || value.isBlank() || signature == null) return false;
    return MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII));
  }
}
