package herald.domain.fakes;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.klaviyo.KlaviyoApi;
import herald.domain.channels.klaviyo.KlaviyoEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps every Klaviyo event it is given, answering 202 as Klaviyo does; can be told to fail the next ones. */
public final class RecordingKlaviyoApi implements KlaviyoApi {
  private final List<KlaviyoEvent> sent = new ArrayList<>();
  private final Deque<DeliveryFailure> failures = new ArrayDeque<>();

  @Override
  public synchronized String createEvent(KlaviyoEvent event) {
    DeliveryFailure failure = failures.poll();
    if (failure != null) throw failure;
    sent.add(event);
    return "202";
  }

  public synchronized void failNext(DeliveryFailure failure) {
    failures.add(failure);
  }

  public synchronized List<KlaviyoEvent> sent() {
    return List.copyOf(sent);
  }
}
