package herald.properties;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Building blocks for property tests' generators (QuickTheories). Text is made of UTF-16 code units, as Java
 * strings are, and QuickTheories' own strings never hold U+FFFE or U+FFFF (it keeps to defined code points):
 * {@link #ANY_CHAR} holds every one, with the characters that broke Herald before mixed in often enough to come up
 * in every run (U+FFFE, U+FFFF and unpaired surrogates, which SQS refuses; NUL; the byte order mark; quotes,
 * commas and line breaks).
 */
public final class Generators {
  /** Characters worth trying in any text, each on its own. */
  public static final String SPECIAL = "\uFFFE\uFFFF\uD800\uDBFF\uDC00\uDFFF\u0000\uFEFF\u2028\u0085\"\\,\r\n\t é✓";
  /** One character of text: any UTF-16 code unit, printable ASCII, one of {@link #SPECIAL}, or an emoji (a pair). */
  public static final Gen<String> ANY_CHAR = Generate.frequency(
      Pair.of(5, Generate.range(0, 0xFFFF).map(c -> String.valueOf((char) c.intValue()))),
      Pair.of(4, Generate.range(0x20, 0x7E).map(c -> String.valueOf((char) c.intValue()))),
      Pair.of(1, charOf(SPECIAL)),
      Pair.of(1, pick("😀", "𝄞", "\uD83D\uDE00\uFE0F")));
  /** One ASCII character, control characters included. */
  public static final Gen<String> ASCII_CHAR = Generate.range(0, 0x7F).map(c -> String.valueOf((char) c.intValue()));

  private Generators() {}

  /** Whether the text holds a character SQS refuses in a message: U+FFFE, U+FFFF or a surrogate without its pair. */
  public static boolean refusedBySqs(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFE' || c == '\uFFFF') return true;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Text of {@code min} to {@code max} characters of {@link #ANY_CHAR} (an emoji counts as one). */
  public static Gen<String> anyText(int min, int max) {
    return text(ANY_CHAR, min, max);
  }

  /** Text of {@code min} to {@code max} characters, each one of {@code chars}. */
  public static Gen<String> textOf(String chars, int min, int max) {
    return text(charOf(chars), min, max);
  }

  /** Text of {@code min} to {@code max} pieces of {@code pieces}, joined. */
  public static Gen<String> text(Gen<String> pieces, int min, int max) {
    return lists(pieces, min, max).map(parts -> String.join("", parts));
  }

  /** One of the characters of {@code chars}, as text. */
  public static Gen<String> charOf(String chars) {
    return Generate.pick(chars.chars().mapToObj(c -> String.valueOf((char) c)).toList());
  }

  /** Lists of {@code min} to {@code max} items, as long as {@link #sizes} draws them. */
  public static <T> Gen<List<T>> lists(Gen<T> items, int min, int max) {
    return SourceDSL.lists().of(items).ofSizes(sizes(min, max));
  }

  /**
   * Sizes from {@code min} to {@code max}, the small ones more often (QuickTheories on its own draws every size
   * as likely), so that nested lists and long texts stay the exception; the largest still come up, QuickTheories
   * trying the limits first.
   */
  public static Gen<Integer> sizes(int min, int max) {
    return weighted(2, ints(min, min + (max - min) / 8), 2, ints(min, min + (max - min) / 2), 3, ints(min, max));
  }

  /** Lists of {@code min} to {@code max} items, each there once (duplicates drawn are dropped). */
  public static <T> Gen<List<T>> distinctLists(Gen<T> items, int min, int max) {
    return lists(items, min, max).map(list -> List.copyOf(new LinkedHashSet<>(list)));
  }

  @SafeVarargs
  public static <T> Gen<T> pick(T... values) {
    return Generate.pick(Arrays.asList(values));
  }

  /** One of the generators, each as likely. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Pair<Integer, Gen<T>>> weighted = new ArrayList<>();
    for (Gen<? extends T> gen : gens) weighted.add(Pair.of(1, gen.map(t -> (T) t)));
    return Generate.frequency(weighted);
  }

  /** One of the generators, each as likely as its weight says: {@code weighted(3, a, 1, b)}. */
  @SuppressWarnings("unchecked")
  public static <T> Gen<T> weighted(Object... weightsAndGens) {
    List<Pair<Integer, Gen<T>>> weighted = new ArrayList<>();
    for (int i = 0; i < weightsAndGens.length; i += 2) {
      weighted.add(Pair.of((Integer) weightsAndGens[i], (Gen<T>) weightsAndGens[i + 1]));
    }
    return Generate.frequency(weighted);
  }

  /** The generator's values, or null {@code percent} percent of the time. */
  public static <T> Gen<T> orNull(Gen<T> gen, int percent) {
    return gen.toOptionals(percent).map(value -> value.orElse(null));
  }

  public static Gen<Integer> ints(int min, int max) {
    return Generate.range(min, max);
  }

  public static Gen<Integer> anyInt() {
    return SourceDSL.integers().all();
  }

  public static Gen<Long> longs(long min, long max) {
    return Generate.longRange(min, max);
  }

  public static Gen<Long> anyLong() {
    return SourceDSL.longs().all();
  }

  public static Gen<Boolean> booleans() {
    return Generate.booleans();
  }

  /** Any finite double, from the tiniest subnormal to {@link Double#MAX_VALUE}, either sign. */
  public static Gen<Double> finiteDoubles() {
    return longs(0, Double.doubleToLongBits(Double.MAX_VALUE)).zip(booleans(),
        (bits, negative) -> (negative ? -1 : 1) * Double.longBitsToDouble(bits));
  }

  /** Decimals between -{@code limit} and {@code limit} with at most {@code scale} digits after the point. */
  public static Gen<BigDecimal> decimals(long limit, int scale) {
    BigInteger unscaled = BigInteger.valueOf(limit).multiply(BigInteger.TEN.pow(scale));
    long bound = unscaled.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    return longs(-bound, bound).zip(ints(0, scale), (n, s) -> new BigDecimal(BigInteger.valueOf(n), s));
  }
}
