package herald.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.EventJson;
import herald.adapters.json.RejectedEventJson;
import herald.domain.common.Invalid;
import herald.domain.common.Nesting;
import herald.domain.events.RejectedEvent;
import herald.domain.events.RejectedEvents;
import herald.domain.events.TriggerEvent;
import herald.domain.intake.EventDataRules;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * What the bus delivers is checked as {@code POST /v1/events} checks it: the envelope (a customer by id or by
 * source_id alone, from which the id is derived), the data against its type's JSON schema, and the data's nesting.
 * An event that fails is not dispatched: it is recorded with its reason where operators see it
 * ({@code GET /v1/events/rejected}), without its personal data, and logged. No retry could mend it.
 */
final class AdmitEvent {
  private final EventDataRules rules;
  private final RejectedEvents rejected;
  private final Clock clock;

  @Inject
  AdmitEvent(EventDataRules rules, RejectedEvents rejected, Clock clock) {
    this.rules = rules;
    this.rejected = rejected;
    this.clock = clock;
  }

  Optional<TriggerEvent> admit(JsonNode input) {
    try {
      TriggerEvent event = EventJson.fromEventBridge(input);
      Nesting.bounded(event.data(), "detail.data");
      rules.check(event.type(), event.data());
      return Optional.of(event);
    } catch (Invalid why) {
      RejectedEvent rejection = RejectedEventJson.of(input, why, clock.instant());
      rejected.record(rejection);
      Log.info("event_rejected", "correlation_id", rejection.eventId(), "rejection_id", rejection.id(),
          "type", rejection.type(), "code", rejection.code(), "field", rejection.field());
      return Optional.empty();
    }
  }
}
