package herald.domain.events;

/** Port: where events are put for the functions that listen to them. */
public interface EventBus {
  void put(TriggerEvent event);
}
