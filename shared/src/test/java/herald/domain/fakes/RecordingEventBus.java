package herald.domain.fakes;

import herald.domain.events.EventBus;
import herald.domain.events.TriggerEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Keeps the events put; can fail the next puts, and lets a test look at the world when an event is put. */
public final class RecordingEventBus implements EventBus {
  private final List<TriggerEvent> events = new ArrayList<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private Consumer<TriggerEvent> onPut = e -> {};

  @Override
  public synchronized void put(TriggerEvent event) {
    onPut.accept(event);
    RuntimeException failure = failures.poll();
    if (failure != null) throw failure;
    events.add(event);
  }

  public synchronized void failNext(RuntimeException failure) {
    failures.add(failure);
  }

  /** Called with each event as it is put, before it is kept. */
  public synchronized void onPut(Consumer<TriggerEvent> onPut) {
    this.onPut = onPut;
  }

  public synchronized List<TriggerEvent> events() {
    return List.copyOf(events);
  }
}
