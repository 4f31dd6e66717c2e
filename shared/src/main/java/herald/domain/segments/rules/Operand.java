package herald.domain.segments.rules;

import herald.domain.common.Invalid;
import java.util.List;

/**
 * The value a condition compares with: text, a number, a boolean, a list of those (for {@code in}) or a
 * {@link Moment} (for {@code before} and {@code after}). Conditions with {@code exists} and {@code not_exists}
 * have none (null).
 */
public sealed interface Operand permits Operand.Text, Operand.Numeric, Operand.Flag, Operand.Values, Moment {
  int MAX_TEXT = 1000;
  int MAX_VALUES = 500;

  /** Non-empty text, compared exactly (case-sensitive). */
  record Text(String value) implements Operand {
    public Text {
      if (value == null || value.isEmpty()) throw new Invalid("invalid_value", "value", "value must not be empty");
      if (value.length() > MAX_TEXT) {
        throw new Invalid("invalid_value", "value", "value is longer than " + MAX_TEXT + " characters");
      }
    }
  }

  /** A number, compared as a 64-bit floating point value (exact for integers up to 2^53). */
  record Numeric(double value) implements Operand {
    public Numeric {
      if (!Double.isFinite(value)) throw new Invalid("invalid_value", "value", "value must be a finite number");
      value += 0.0; // -0.0 is 0: it compares equal, so it must be equal (and JSON writes both as 0)
    }
  }

  record Flag(boolean value) implements Operand {}

  /** The values {@code in} looks for: 1 to {@value #MAX_VALUES} texts, numbers or booleans. */
  record Values(List<Operand> values) implements Operand {
    public Values {
      if (values == null || values.isEmpty()) {
        throw new Invalid("invalid_value", "value", "in takes a non-empty array of values");
      }
      if (values.size() > MAX_VALUES) {
        throw new Invalid("too_many", "value", "in takes at most " + MAX_VALUES + " values");
      }
      for (Operand value : values) {
        if (!(value instanceof Text || value instanceof Numeric || value instanceof Flag)) {
          throw new Invalid("invalid_value", "value", "in takes texts, numbers or booleans");
        }
      }
      values = List.copyOf(values);
    }
  }

  /** A short description of what this value is, for messages. */
  static String describe(Operand value) {
    return switch (value) {
      case null -> "no value";
      case Text t -> "a text";
      case Numeric n -> "a number";
      case Flag f -> "a boolean";
      case Values v -> "an array";
      case Moment m -> "a date";
    };
  }
}
