package herald.domain.campaigns;

import herald.domain.common.Invalid;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How a campaign's codes look, as voucher platforms describe it: {@code length} random characters (default 8) of
 * {@code charset} (alphanumeric, alphabetic, lowercase, uppercase, numbers, or the characters themselves) between
 * {@code prefix} and {@code postfix}; or a {@code pattern}, where each {@code #} is a random character and which
 * overrides the length ({@code WELCOME-####} gives {@code WELCOME-7QX2}).
 */
public record CodeConfig(int length, String charset, String prefix, String postfix, String pattern) {
  public static final int DEFAULT_LENGTH = 8;
  public static final String DEFAULT_CHARSET = "alphanumeric";
  public static final char SLOT = '#';
  private static final String DIGITS = "0123456789";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final Map<String, String> NAMED = Map.of("alphanumeric", DIGITS + UPPER + LOWER,
      "alphabetic", UPPER + LOWER, "lowercase", LOWER, "uppercase", UPPER, "numbers", DIGITS);

  public CodeConfig {
    if (length < 1 || length > 64) throw new Invalid("invalid_value", "code_config.length", "length is 1 to 64");
    if (charset == null) charset = DEFAULT_CHARSET;
    if (charset.isEmpty()) throw new Invalid("invalid_value", "code_config.charset", "the charset is empty");
    if (!NAMED.containsKey(charset)) {
      if (charset.length() > 256) throw new Invalid("too_long", "code_config.charset", "a charset has at most 256 characters");
      check(charset, "code_config.charset");
      if (charset.indexOf(SLOT) >= 0) {
        throw new Invalid("invalid_value", "code_config.charset", "# marks a random character of a pattern; it cannot be one");
      }
    }
    prefix = part(prefix, 64, "code_config.prefix");
    postfix = part(postfix, 64, "code_config.postfix");
    pattern = part(pattern, 128, "code_config.pattern");
    if (pattern != null && pattern.isEmpty()) pattern = null;
  }

  public static CodeConfig defaults() {
    return new CodeConfig(DEFAULT_LENGTH, DEFAULT_CHARSET, "", "", null);
  }

  /** The characters a random slot takes, each once, in the charset's order. */
  public String characters() {
    String named = NAMED.get(charset);
    if (named != null) return named;
    Set<Integer> distinct = new LinkedHashSet<>();
    charset.codePoints().forEach(distinct::add);
    StringBuilder chars = new StringBuilder();
    distinct.forEach(chars::appendCodePoint);
    return chars.toString();
  }

  /** How many random characters a code has. */
  public int slots() {
    return pattern == null ? length : (int) pattern.chars().filter(c -> c == SLOT).count();
  }

  /** How many different codes there can be. */
  public BigInteger space() {
    return BigInteger.valueOf(characters().codePointCount(0, characters().length())).pow(slots());
  }

  /**
   * Refuses ({@code code_space_too_small}, on {@code field}) to make {@code count} more codes besides {@code
   * existing}: random codes need room to miss each other, so a campaign holds at most half its code space.
   */
  public void checkRoom(long count, long existing, String field) {
    if (slots() == 0 && count + existing > 1) {
      throw new Invalid("code_space_too_small", field, "the pattern has no # and so makes one code only");
    }
    BigInteger room = space().shiftRight(1).max(BigInteger.ONE);
    if (BigInteger.valueOf(count + existing).compareTo(room) > 0) {
      throw new Invalid("code_space_too_small", field, "the code configuration makes " + space() + " codes; a "
          + "campaign holds at most half of them (" + room + "), and " + existing + " exist");
    }
  }

  /** A random code. */
  public String generate(RandomGenerator random) {
    int[] chars = characters().codePoints().toArray();
    StringBuilder code = new StringBuilder(prefix);
    if (pattern == null) {
      for (int i = 0; i < length; i++) code.appendCodePoint(chars[random.nextInt(chars.length)]);
    } else {
      pattern.codePoints().forEach(c -> code.appendCodePoint(c == SLOT ? chars[random.nextInt(chars.length)] : c));
    }
    return code.append(postfix).toString();
  }

  private static String part(String value, int max, String field) {
    if (value == null) return field.endsWith("pattern") ? null : "";
    if (value.length() > max) throw new Invalid("too_long", field, field + " is longer than " + max + " characters");
    check(value, field);
    return value;
  }

  /** An imported code, checked as generated ones are made: 1 to 100 printable characters, no blanks. */
  public static String imported(String code, String field) {
    if (code == null || code.isEmpty()) throw Invalid.required(field);
    if (code.length() > 100) throw new Invalid("too_long", field, field + " is longer than 100 characters");
    check(code, field);
    return code;
  }

  /** Codes go into emails, URLs and CSV files: printable characters only, no blanks. */
  private static void check(String value, String field) {
    if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT || c == ',' || c == '"')) {
      throw new Invalid("invalid_value", field, field + " may not hold blanks, control characters, commas or quotes");
    }
  }
}
