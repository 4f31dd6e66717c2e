package herald.domain.fakes;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps every webhook call it is given; can be told to fail the next ones. */
public final class RecordingWebhookSender implements WebhookSender {
  private final List<WebhookCall> sent = new ArrayList<>();
  private final Deque<DeliveryFailure> failures = new ArrayDeque<>();

  @Override
  public synchronized String send(WebhookCall call) {
    DeliveryFailure failure = failures.poll();
    if (failure != null) throw failure;
    sent.add(call);
    return "200";
  }

  public synchronized void failNext(DeliveryFailure failure) {
    failures.add(failure);
  }

  public synchronized List<WebhookCall> sent() {
    return List.copyOf(sent);
  }
}
