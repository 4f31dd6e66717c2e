package herald.domain.delivery;

import herald.domain.common.SigningKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signed unsubscribe links: {@code <base>/v1/unsubscribe?c=<customer id>&s=<signature>}, where the signature is
 * the unpadded base64url HMAC-SHA256 of {@code "unsubscribe|email|" + customerId} with Herald's signing key
 * ({@link SigningKey}). Only Herald can make one, and it names one customer; it never expires.
 */
public final class UnsubscribeLinks {
  public static final String PATH = "/v1/unsubscribe";
  private static final String PURPOSE = "unsubscribe|email|";
  private final SigningKey key;
  private final String base;

  /**
   * {@code key} signs and checks links; {@code publicBaseUrl} is where the API is reached from the internet, and
   * may be null where links are only checked, never made.
   */
  public UnsubscribeLinks(SigningKey key, String publicBaseUrl) {
    this.key = key;
    this.base = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.strip().replaceAll("/+$", "");
  }

  /** With the signing key as configured (at least 16 characters). */
  public UnsubscribeLinks(String signingKey, String publicBaseUrl) {
    this(new SigningKey(signingKey), publicBaseUrl);
  }

  /** The link that revokes this customer's email consent. */
  public String urlFor(String customerId) {
    if (base == null) throw new IllegalStateException("no public base URL to make unsubscribe links with");
    if (customerId == null || customerId.isBlank()) throw new IllegalArgumentException("no customer id");
    return base + PATH + "?c=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8) + "&s=" + sign(customerId);
  }

  /** True when {@code signature} is this customer's; compared in constant time. */
  public boolean verify(String customerId, String signature) {
    return key.verify(PURPOSE, customerId, signature);
  }

  String sign(String customerId) {
    return key.sign(PURPOSE, customerId);
  }
}
