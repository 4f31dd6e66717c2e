package herald.domain.segments.rules;

import herald.domain.segments.rules.Operand.Flag;
import herald.domain.segments.rules.Operand.Numeric;
import herald.domain.segments.rules.Operand.Text;
import java.util.Optional;

/**
 * What a condition asks of a field; {@link #misfit} says which fields each one applies to, {@link #refusal} which
 * values it takes.
 */
public enum Operator {
  EQUALS("equals"),
  NOT_EQUALS("not_equals"),
  IN("in"),
  CONTAINS("contains"),
  STARTS_WITH("starts_with"),
  GREATER_THAN("greater_than"),
  LESS_THAN("less_than"),
  BEFORE("before"),
  AFTER("after"),
  EXISTS("exists"),
  NOT_EXISTS("not_exists");

  private final String wire;

  Operator(String wire) {
    this.wire = wire;
  }

  /** The operator's name in JSON, such as {@code greater_than}. */
  public String wire() {
    return wire;
  }

  public static Optional<Operator> named(String wire) {
    for (Operator operator : values()) {
      if (operator.wire.equals(wire)) return Optional.of(operator);
    }
    return Optional.empty();
  }

  /**
   * Why this operator does not apply to a field of this kind at all, whatever the value (the operator is at
   * fault), or null when it does.
   */
  public String misfit(FieldKind kind) {
    return switch (this) {
      case EXISTS, NOT_EXISTS -> null;
      case EQUALS, NOT_EQUALS -> kind == FieldKind.INSTANT
          ? notFor(kind, "fields other than times (use before or after)") : null;
      case IN -> kind == FieldKind.INSTANT || kind == FieldKind.BOOLEAN
          ? notFor(kind, "text, counts, amounts and metadata") : null;
      case CONTAINS, STARTS_WITH -> kind == FieldKind.TEXT || kind == FieldKind.ANY
          ? null : notFor(kind, "text and metadata");
      case GREATER_THAN, LESS_THAN -> kind == FieldKind.NUMBER || kind == FieldKind.ANY ? null
          : notFor(kind, "counts, amounts and metadata" + (kind == FieldKind.INSTANT ? " (use before or after)" : ""));
      case BEFORE, AFTER -> kind == FieldKind.INSTANT || kind == FieldKind.ANY ? null : notFor(kind, "times and metadata");
    };
  }

  /**
   * Why this operator, which applies to a field of this kind ({@link #misfit} is null), cannot compare it with
   * this value (the value is at fault), or null when it can.
   */
  public String refusal(FieldKind kind, Operand value) {
    return switch (this) {
      case EXISTS, NOT_EXISTS -> value == null ? null : wire + " takes no value";
      case EQUALS, NOT_EQUALS -> fits(kind, value) ? null : wire + " on " + describe(kind) + " takes " + need(kind);
      case IN -> in(kind, value);
      case CONTAINS -> kind == FieldKind.TEXT
          ? value instanceof Text ? null : wire + " on a text field takes a text"
          : value instanceof Text || value instanceof Numeric || value instanceof Flag ? null
              : wire + " takes a text, a number or a boolean";
      case STARTS_WITH -> value instanceof Text ? null : wire + " takes a text";
      case GREATER_THAN, LESS_THAN -> value instanceof Numeric ? null : wire + " takes a number";
      case BEFORE, AFTER -> value instanceof Moment ? null
          : wire + " takes an ISO-8601 instant, a date or {\"days_ago\": N}";
    };
  }

  private String in(FieldKind kind, Operand value) {
    if (!(value instanceof Operand.Values values)) return wire + " takes a non-empty array of values";
    for (Operand element : values.values()) {
      if (!fits(kind, element)) return wire + " on " + describe(kind) + " takes an array, each " + need(kind);
    }
    return null;
  }

  private static boolean fits(FieldKind kind, Operand value) {
    return switch (kind) {
      case TEXT -> value instanceof Text;
      case NUMBER -> value instanceof Numeric;
      case BOOLEAN -> value instanceof Flag;
      case ANY -> value instanceof Text || value instanceof Numeric || value instanceof Flag;
      case INSTANT -> false;
    };
  }

  private static String need(FieldKind kind) {
    return switch (kind) {
      case TEXT -> "a text";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case ANY, INSTANT -> "a text, a number or a boolean";
    };
  }

  private static String describe(FieldKind kind) {
    return switch (kind) {
      case TEXT -> "a text field";
      case NUMBER -> "a count or amount";
      case INSTANT -> "a time";
      case BOOLEAN -> "a consent";
      case ANY -> "metadata";
    };
  }

  private String notFor(FieldKind kind, String applies) {
    return wire + " applies to " + applies + ", not to " + describe(kind);
  }
}
