package herald.domain.campaigns;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * A campaign's codes in sequence: the code at index i is a keyed pseudo-random permutation of i, written in the
 * code configuration's characters. Two indexes never give one code, so a generation that takes fresh indexes
 * needs no read to know its codes are new; without the key, one code tells nothing about the others.
 *
 * <p>The permutation is a balanced Feistel network of {@value #ROUNDS} rounds whose round function is AES-128 under
 * the campaign's key, over the smallest even number of bits that holds the domain, walking the cycle until the
 * value falls inside it. The domain is the code space, or 2^62 values when the space is larger; those are then
 * spread over the whole space by an affine map modulo its size (a multiplier prime to it), so long codes use
 * every character position.
 */
public final class CodeSequence {
  static final int ROUNDS = 8;
  static final long MAX_DOMAIN = 1L << 62;
  private final CodeConfig config;
  private final int[] chars;
  private final BigInteger space;
  private final long domain;
  private final int halfBits;
  private final SecretKeySpec key;
  private final BigInteger multiplier;
  private final BigInteger offset;

  /** {@code key}: 16 bytes, the campaign's own. */
  public CodeSequence(CodeConfig config, byte[] key) {
    if (key.length != 16) throw new IllegalArgumentException("a sequence key is 16 bytes");
    this.config = config;
    this.chars = config.characters().codePoints().toArray();
    this.space = config.space();
    this.domain = space.compareTo(BigInteger.valueOf(MAX_DOMAIN)) > 0 ? MAX_DOMAIN : space.longValueExact();
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, domain - 1)));
    this.halfBits = (bits + 1) / 2;
    this.key = new SecretKeySpec(key.clone(), "AES");
    BigInteger m = derived(key, "multiplier").mod(space).max(BigInteger.ONE);
    while (!m.gcd(space).equals(BigInteger.ONE)) m = m.add(BigInteger.ONE);
    this.multiplier = m;
    this.offset = derived(key, "offset").mod(space);
  }

  /** How many codes the sequence holds: its indexes are 0 to this, exclusive. */
  public long size() {
    return domain;
  }

  /** The codes at indexes {@code from} to {@code from + count}, exclusive, in order. */
  public List<String> codes(long from, int count) {
    if (from < 0 || count < 0 || from > domain - count) {
      throw new IllegalArgumentException("indexes " + from + " + " + count + " are outside the sequence");
    }
    long[] values = new long[count];
    for (int i = 0; i < count; i++) values[i] = from + i;
    permute(values);
    List<String> codes = new ArrayList<>(count);
    for (long value : values) codes.add(code(value));
    return codes;
  }

  /** Permutes every value within the domain: Feistel rounds in batches, again for values that fell outside. */
  private void permute(long[] values) {
    int[] pending = new int[values.length];
    for (int i = 0; i < pending.length; i++) pending[i] = i;
    int count = pending.length;
    Cipher aes = cipher();
    while (count > 0) {
      long[] batch = new long[count];
      for (int i = 0; i < count; i++) batch[i] = values[pending[i]];
      feistel(aes, batch);
      int outside = 0;
      for (int i = 0; i < count; i++) {
        values[pending[i]] = batch[i];
        if (Long.compareUnsigned(batch[i], domain) >= 0) pending[outside++] = pending[i];
      }
      count = outside;
    }
  }

  private void feistel(Cipher aes, long[] values) {
    long mask = (1L << halfBits) - 1;
    byte[] blocks = new byte[values.length * 16];
    ByteBuffer in = ByteBuffer.wrap(blocks);
    for (int round = 0; round < ROUNDS; round++) {
      in.clear();
      for (long v : values) in.putLong(round).putLong(v & mask);
      byte[] out;
      try {
        out = aes.doFinal(blocks);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      ByteBuffer f = ByteBuffer.wrap(out);
      for (int i = 0; i < values.length; i++) {
        long left = values[i] >>> halfBits;
        long right = values[i] & mask;
        long mixed = (left ^ f.getLong(i * 16)) & mask;
        values[i] = (right << halfBits) | mixed;
      }
    }
  }

  private String code(long value) {
    int[] digits = new int[config.slots()];
    if (domain == MAX_DOMAIN && space.compareTo(BigInteger.valueOf(MAX_DOMAIN)) > 0) {
      BigInteger spread = BigInteger.valueOf(value).multiply(multiplier).add(offset).mod(space);
      BigInteger radix = BigInteger.valueOf(chars.length);
      for (int i = digits.length - 1; i >= 0; i--) {
        BigInteger[] qr = spread.divideAndRemainder(radix);
        digits[i] = qr[1].intValue();
        spread = qr[0];
      }
    } else {
      for (int i = digits.length - 1; i >= 0; i--) {
        digits[i] = (int) (value % chars.length);
        value /= chars.length;
      }
    }
    StringBuilder code = new StringBuilder(config.prefix());
    int next = 0;
    if (config.pattern() == null) {
      for (int digit : digits) code.appendCodePoint(chars[digit]);
    } else {
      for (int c : config.pattern().codePoints().toArray()) {
        code.appendCodePoint(c == CodeConfig.SLOT ? chars[digits[next++]] : c);
      }
    }
    return code.append(config.postfix()).toString();
  }

  private Cipher cipher() {
    try {
      Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, key);
      return aes;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger derived(byte[] key, String what) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-512");
      sha.update(key);
      byte[] digest = sha.digest(what.getBytes(StandardCharsets.UTF_8));
      byte[] wide = Arrays.copyOf(digest, 64 * 8);
      for (int i = 64; i < wide.length; i += 64) {
        sha.update(Arrays.copyOfRange(wide, i - 64, i));
        System.arraycopy(sha.digest(), 0, wide, i, 64);
      }
      return new BigInteger(1, wide);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
