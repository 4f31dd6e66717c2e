package herald.domain.distributions;

import java.util.Map;

/** Port: EventBridge-style patterns on an event's {@code data} (a trigger's optional {@code pattern}). */
public interface PatternMatcher {
  /** Throws {@link herald.domain.common.Invalid} with the field {@code trigger.pattern} when the pattern is not valid. */
  void validate(String pattern);

  /** Whether the event data matches the pattern (a pattern that passed {@link #validate}). */
  boolean matches(String pattern, Map<String, Object> data);
}
