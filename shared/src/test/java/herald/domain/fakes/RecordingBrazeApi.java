package herald.domain.fakes;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.braze.BrazeApi;
import herald.domain.channels.braze.BrazeMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps every Braze message it is given and answers a dispatch id; can be told to fail the next ones. */
public final class RecordingBrazeApi implements BrazeApi {
  private final List<BrazeMessage> sent = new ArrayList<>();
  private final Deque<DeliveryFailure> failures = new ArrayDeque<>();

  @Override
  public synchronized String send(BrazeMessage message) {
    DeliveryFailure failure = failures.poll();
    if (failure != null) throw failure;
    sent.add(message);
    return message.trigger() == null ? null : "dispatch_" + sent.size();
  }

  public synchronized void failNext(DeliveryFailure failure) {
    failures.add(failure);
  }

  public synchronized List<BrazeMessage> sent() {
    return List.copyOf(sent);
  }
}
