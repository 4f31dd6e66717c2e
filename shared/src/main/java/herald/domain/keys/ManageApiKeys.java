package herald.domain.keys;

import herald.domain.common.Ids;
import herald.domain.common.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues, lists and revokes API keys, and tells who a presented secret belongs to. A secret is
 * {@code hk_} and 32 random bytes in base64url; only its SHA-256 is stored, under an id derived from
 * that hash, so checking a key is one read by id. The deployment key (actor "root") is never stored
 * and is checked without any read.
 */
public final class ManageApiKeys {
  public static final String ROOT = "root";
  /** Last use is recorded at most once per this interval and key. */
  public static final Duration USE_INTERVAL = Duration.ofMinutes(1);
  private static final String PREFIX = "hk_";
  private static final Pattern SECRET = Pattern.compile("hk_[A-Za-z0-9_-]{43}");
  private static final Pattern ID = Pattern.compile("key_[0-9a-f]{32}");
  private static final Authentication UNKNOWN = new Authentication.Unknown();
  private final ApiKeys keys;
  private final Clock clock;
  private final byte[] rootHash;
  private final SecureRandom random = new SecureRandom();

  public ManageApiKeys(ApiKeys keys, Clock clock, String rootSecret) {
    if (rootSecret == null || rootSecret.isBlank()) throw new IllegalArgumentException("the deployment key is not set");
    this.keys = keys;
    this.clock = clock;
    this.rootHash = sha256(rootSecret);
  }

  public IssuedKey create(NewKey request) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String hash = HexFormat.of().formatHex(sha256(secret));
    ApiKey key = new ApiKey(idFor(hash), request.name(), hash, clock.instant(), null, null);
    keys.create(key);
    return new IssuedKey(key, secret);
  }

  public List<ApiKey> list() {
    return keys.all();
  }

  /** Revokes a stored key (again is fine: the first revocation time is kept). */
  public void revoke(String id) {
    if (id == null || !ID.matcher(id).matches() || !keys.revoke(id, clock.instant())) {
      throw new NotFound("api key", "id", id);
    }
  }

  /** Who the secret belongs to: root in constant time with no read, a stored key with one read by id. */
  public Authentication authenticate(String secret) {
    if (secret == null || secret.isEmpty()) return UNKNOWN;
    byte[] hash = sha256(secret);
    if (MessageDigest.isEqual(hash, rootHash)) return new Authentication.Granted(ROOT, null);
    if (!SECRET.matcher(secret).matches()) return UNKNOWN;
    String hex = HexFormat.of().formatHex(hash);
    Optional<ApiKey> found = keys.get(idFor(hex));
    if (found.isEmpty() || found.get().secretHash() == null || !MessageDigest.isEqual(
        hex.getBytes(StandardCharsets.US_ASCII), found.get().secretHash().getBytes(StandardCharsets.US_ASCII))) {
      return UNKNOWN;
    }
    ApiKey key = found.get();
    return key.revoked() ? new Authentication.Revoked(key) : new Authentication.Granted(key.name(), key);
  }

  /**
   * Records that a key was just used, unless its last recorded use is under {@link #USE_INTERVAL} old;
   * true when it wrote. Callers treat a failure here as harmless to the request.
   */
  public boolean recordUse(ApiKey key) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(USE_INTERVAL);
    if (key.lastUsedAt() != null && key.lastUsedAt().isAfter(cutoff)) return false;
    return keys.recordUse(key.id(), now, cutoff);
  }

  static String idFor(String secretHash) {
    return Ids.derived("key_", secretHash);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
