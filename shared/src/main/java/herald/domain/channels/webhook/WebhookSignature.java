package herald.domain.channels.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook body: {@code X-Herald-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes>},
 * keyed with the distribution's secret. Receivers check it with {@link #verify}.
 */
public final class WebhookSignature {
  private WebhookSignature() {}

  public static String sign(String secret, String body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(secret, body.getBytes(StandardCharsets.UTF_8)));
  }

  public static boolean verify(String secret, String body, String header) {
    if (header == null) return false;
    return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
        header.strip().getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] hmac(String key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
