package herald.domain.campaigns;

import herald.domain.common.SigningKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signed links to a voucher's QR image: {@code <base>/v1/qr?code=<code>&s=<signature>}, the signature Herald's
 * ({@link SigningKey}) of {@code "voucher|qr|" + code}. The API draws the image from the link alone, without
 * looking the code up, so a link Herald did not make says nothing about whether its code exists, and nobody can
 * enumerate codes through it. A link never expires.
 */
public final class QrLinks {
  public static final String PATH = "/v1/qr";
  private static final String PURPOSE = "voucher|qr|";
  private final SigningKey key;
  private final String base;

  /** {@code publicBaseUrl}: where the API is reached from the internet; null where it is told per call. */
  public QrLinks(SigningKey key, String publicBaseUrl) {
    this.key = key;
    this.base = trimmed(publicBaseUrl);
  }

  /** The link at the configured base URL; null without one. */
  public String urlFor(String code) {
    return urlFor(base, code);
  }

  /** The link at {@code baseUrl}; null when there is no base URL or no code. */
  public String urlFor(String baseUrl, String code) {
    String at = trimmed(baseUrl);
    if (at == null || code == null || code.isBlank()) return null;
    return at + PATH + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&s=" + key.sign(PURPOSE, code);
  }

  /** The configured base URL, else {@code fallback} (the URL a request came in on). */
  public String baseOr(String fallback) {
    return base != null ? base : fallback;
  }

  /** True when {@code signature} is this code's; compared in constant time. */
  public boolean verify(String code, String signature) {
    return key.verify(PURPOSE, code, signature);
  }

  private static String trimmed(String url) {
    return url == null || url.isBlank() ? null : url.strip().replaceAll("/+$", "");
  }
}
