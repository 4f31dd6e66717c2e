package herald.adapters.aws;

import herald.adapters.json.EventJson;
import herald.domain.events.EventBus;
import herald.domain.events.TriggerEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** Puts events on Herald's EventBridge bus with source {@code herald.api}. */
public final class EventBridgeBus implements EventBus {
  public static final String SOURCE = "herald.api";
  private final EventBridgeClient events;
  private final String busName;

  public EventBridgeBus(EventBridgeClient events, String busName) {
    this.events = events;
    this.busName = busName;
  }

  @Override
  public void put(TriggerEvent event) {
    PutEventsResponse response = events.putEvents(r -> r.entries(e -> e.eventBusName(busName)
        .source(SOURCE).detailType(event.type()).detail(EventJson.detail(event).toString())));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      throw new IllegalStateException("EventBridge refused event " + event.id() + ": "
          + response.entries().get(0).errorCode());
    }
  }
}
