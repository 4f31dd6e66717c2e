package herald.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Identifiers: random ones for new things, deterministic ones where a retry must find the same thing. */
public final class Ids {
  private Ids() {}

  /**
   * The longest id Herald accepts from a caller, in characters (Herald's own ids are under 50; source ids and email
   * addresses take up to 256), and in UTF-8 bytes, well under DynamoDB's 1,024-byte limit for a sort key.
   */
  public static final int MAX_LENGTH = 256;
  public static final int MAX_BYTES = 768;

  /** An id a caller gave: not blank, at most {@link #MAX_LENGTH} characters, plain text ({@link Text#plain}). */
  public static String given(String value, String field) {
    String id = Text.plain(Text.maxLength(Text.required(value, field), MAX_LENGTH, field), field);
    if (id.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new Invalid("too_long", field, field + " is longer than " + MAX_BYTES + " bytes");
    }
    return id;
  }

  /** Whether an id from a path or a query could be one Herald holds; callers answer 404 when it cannot. */
  public static boolean plausible(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) return false;
    try {
      given(value, "id");
      return true;
    } catch (Invalid e) {
      return false;
    }
  }

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
