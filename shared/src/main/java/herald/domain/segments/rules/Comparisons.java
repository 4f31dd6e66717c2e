package herald.domain.segments.rules;

import herald.domain.segments.rules.Operand.Flag;
import herald.domain.segments.rules.Operand.Numeric;
import herald.domain.segments.rules.Operand.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How a customer's value compares with a rule's: the rules in {@link Condition}'s documentation. */
final class Comparisons {
  private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
      1e14, 1e15};

  private Comparisons() {}

  /** Equal as the rule's value says: text exactly, numbers by value, booleans as booleans or "true"/"false". */
  static boolean equal(Object actual, Operand expected) {
    return switch (expected) {
      case Text t -> t.value().equals(actual);
      case Numeric n -> number(actual) == n.value();
      case Flag f -> flag(actual) == (f.value() ? 1 : 0);
      default -> false;
    };
  }

  /** Text containing the rule's text, or a list holding an element equal to the rule's value. */
  static boolean contains(Object actual, Operand expected) {
    if (actual instanceof String s) return expected instanceof Text t && s.contains(t.value());
    if (actual instanceof List<?> list) {
      for (int i = 0, n = list.size(); i < n; i++) {
        if (equal(list.get(i), expected)) return true;
      }
    }
    return false;
  }

  /** A number, or text that is a plain decimal number ("10", "-2.5", "1e3"); NaN for anything else. */
  static double number(Object value) {
    if (value instanceof Number n) return n.doubleValue();
    if (!(value instanceof String s)) return Double.NaN;
    double simple = simpleDecimal(s);
    if (!Double.isNaN(simple)) return simple;
    return isDecimal(s) ? Double.parseDouble(s) : Double.NaN;
  }

  /**
   * Text of up to 15 digits with an optional sign and point ("37", "-2.50"), read without allocating: the digits
   * and the power of ten are exact doubles, so their quotient is the correctly rounded value, as
   * {@link Double#parseDouble} gives. NaN for anything else (read the slow way).
   */
  private static double simpleDecimal(String s) {
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    long digits = 0;
    int count = 0;
    int point = -1;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '.' && point < 0) {
        point = count;
      } else if (c >= '0' && c <= '9' && count < 15) {
        digits = digits * 10 + (c - '0');
        count++;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0) return Double.NaN;
    double value = point < 0 ? digits : digits / POWERS[count - point];
    return s.charAt(0) == '-' ? -value : value;
  }

  /** An instant, or text that is an ISO-8601 instant or date (a date is the start of that day, UTC). */
  static Instant instant(Object value) {
    if (value instanceof Instant i) return i;
    if (!(value instanceof String s) || s.length() < 10 || s.charAt(4) != '-') return null;
    try {
      return s.length() == 10 ? LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** 1 for true, 0 for false (a boolean, or the text true or false in any case), -1 for anything else. */
  private static int flag(Object value) {
    if (value instanceof Boolean b) return b ? 1 : 0;
    if (value instanceof String s) {
      if (s.equalsIgnoreCase("true")) return 1;
      if (s.equalsIgnoreCase("false")) return 0;
    }
    return -1;
  }

  private static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
    int digits = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; digits++; }
    }
    if (digits == 0) return false;
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
      int exponent = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') { i++; exponent++; }
      if (exponent == 0) return false;
    }
    return i == n;
  }
}
