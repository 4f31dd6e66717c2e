package herald.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Identifiers: random ones for new things, deterministic ones where a retry must find the same thing. */
public final class Ids {
  private Ids() {}

  public static String random(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  /** A stable id from its parts: the same parts always give the same id. */
  public static String derived(String prefix, String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
      }
      return prefix + HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shard (0 to shards - 1) an id falls in: the same for an id, always, and spread evenly over the shards. */
  public static int shard(String id, int shards) {
    int h = 0;
    for (int i = 0; i < id.length(); i++) h = 31 * h + id.charAt(i);
    h ^= (h >>> 16);
    return Math.floorMod(h * 0x9E3779B9, shards);
  }
}
