package herald.domain.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed unsubscribe links: {@code <base>/v1/unsubscribe?c=<customer id>&s=<signature>}, where the signature is
 * the unpadded base64url HMAC-SHA256 of {@code "unsubscribe|email|" + customerId} with Herald's signing key.
 * Only Herald can make one, and it names one customer; it never expires.
 */
public final class UnsubscribeLinks {
  public static final String PATH = "/v1/unsubscribe";
  static final int MIN_KEY_LENGTH = 16;
  private static final String PURPOSE = "unsubscribe|email|";
  private final SecretKeySpec key;
  private final String base;

  /**
   * {@code signingKey} (at least 16 characters) signs and checks links; {@code publicBaseUrl} is where the API
   * is reached from the internet, and may be null where links are only checked, never made.
   */
  public UnsubscribeLinks(String signingKey, String publicBaseUrl) {
    if (signingKey == null || signingKey.strip().length() < MIN_KEY_LENGTH) {
      throw new IllegalArgumentException("the signing key must have at least " + MIN_KEY_LENGTH + " characters");
    }
    this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.base = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip().replaceAll("/+$", "");
  }

  /** The link that revokes this customer's email consent. */
  public String urlFor(String customerId) {
    if (base == null) throw new IllegalStateException("no public base URL to make unsubscribe links with");
    if (customerId == null || customerId.isBlank()) throw new IllegalArgumentException("no customer id");
    return base + PATH + "?c=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "&s=" + sign(customerId);
  }

  /** True when {@code signature} is this customer's; compared in constant time. */
  public boolean verify(String customerId, String signature) {
    if (customerId == null || customerId.isBlank() || signature == null) return false;
    return MessageDigest.isEqual(sign(customerId).getBytes(StandardCharsets.US_ASCII),
        signature.strip().getBytes(StandardCharsets.US_ASCII));
  }

  String sign(String customerId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] hmac = mac.doFinal((PURPOSE + customerId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
