package herald.domain.channels.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks specification (standardwebhooks.com) defines them: each secret is
 * {@code whsec_<base64 of the key bytes>}, and {@code webhook-signature} holds, space-separated, one
 * {@code v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">} per secret signing (two while a
 * rotated secret still signs beside the new one).
 */
public final class WebhookSignature {
  public static final String PREFIX = "whsec_";
  /** The key sizes the specification recommends: 24 to 64 bytes. */
  static final int MIN_KEY_BYTES = 24;
  static final int MAX_KEY_BYTES = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** The {@code webhook-signature} header: one v1 signature per secret, in their order. */
  public static String sign(List<String> secrets, String messageId, long timestamp, String body) {
    return secrets.stream().map(secret -> "v1," + Base64.getEncoder().encodeToString(
        hmac(key(secret), content(messageId, timestamp, body)))).collect(Collectors.joining(" "));
  }

  /** Whether one of the header's v1 signatures is the secret's over the id, timestamp and body. */
  public static boolean verify(String secret, String messageId, long timestamp, String body, String header) {
    if (header == null) return false;
    byte[] expected = sign(List.of(secret), messageId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    for (String signature : header.strip().split(" +")) {
      if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) return true;
    }
    return false;
  }

  /** A new secret: 32 random bytes, in the whsec_ form. */
  public static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key bytes of a secret in the whsec_ form, or null when it is not one (or its key is not 24-64 bytes). */
  static byte[] keyOrNull(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) return null;
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
      return key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES ? null : key;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] key(String secret) {
    byte[] key = keyOrNull(secret);
    if (key == null) throw new IllegalArgumentException("a webhook secret must be whsec_ and the base64 of 24-64 bytes");
    return key;
  }

  private static byte[] content(String messageId, long timestamp, String body) {
    return (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
