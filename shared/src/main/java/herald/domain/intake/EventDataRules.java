package herald.domain.intake;

import java.util.Map;

/** Port: the shape each catalogue type's {@code data} must have (a JSON schema per type, kept in the repo). */
public interface EventDataRules {
  /**
   * Checks an event's data against its type's rules; throws {@link herald.domain.common.Invalid} with the code
   * {@code invalid_event_data} and the field {@code data.<path>} when it does not fit.
   */
  void check(String type, Map<String, Object> data);
}
