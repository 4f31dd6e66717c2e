package herald.domain.fakes;

import herald.domain.channels.email.Email;
import herald.domain.channels.email.EmailSender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Counts and keeps what the provider took, returning provider ids {@code prov-1}, {@code prov-2}...
 * Failures queued with {@link #failNext} are thrown, in order, instead of sending.
 */
public final class RecordingEmailSender implements EmailSender {
  private final List<Email> sent = new ArrayList<>();
  private final Deque<RuntimeException> failures = new ArrayDeque<>();
  private int attempts;

  @Override
  public synchronized String send(Email email) {
    attempts++;
    RuntimeException failure = failures.poll();
    if (failure != null) throw failure;
    sent.add(email);
    return "prov-" + sent.size();
  }

  public synchronized void failNext(RuntimeException failure) {
    failures.add(failure);
  }

  /** The emails the provider took. */
  public synchronized List<Email> sent() {
    return List.copyOf(sent);
  }

  public synchronized int sendCount() {
    return sent.size();
  }

  /** Calls to send, whether or not the provider took the email. */
  public synchronized int attempts() {
    return attempts;
  }
}
