package herald.domain.fakes;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.sms.Sms;
import herald.domain.channels.sms.SmsSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps every text it is given; can be told to fail the next sends. */
public final class RecordingSmsSender implements SmsSender {
  private final List<Sms> sent = new ArrayList<>();
  private final Deque<DeliveryFailure> failures = new ArrayDeque<>();

  @Override
  public synchronized String send(Sms sms) {
    DeliveryFailure failure = failures.poll();
    if (failure != null) throw failure;
    sent.add(sms);
    return "sns-" + sent.size();
  }

  public synchronized void failNext(DeliveryFailure failure) {
    failures.add(failure);
  }

  public synchronized List<Sms> sent() {
    return List.copyOf(sent);
  }
}
