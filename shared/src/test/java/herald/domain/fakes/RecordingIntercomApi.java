package herald.domain.fakes;

import herald.domain.channels.intercom.IntercomApi;
import herald.domain.channels.intercom.IntercomEvent;
import java.util.ArrayList;
import java.util.List;

/** Keeps every Intercom event it is given, and answers a contact id. */
public final class RecordingIntercomApi implements IntercomApi {
  private final List<IntercomEvent> sent = new ArrayList<>();

  @Override
  public synchronized String send(IntercomEvent event) {
    sent.add(event);
    return "contact_" + sent.size();
  }

  public synchronized List<IntercomEvent> sent() {
    return List.copyOf(sent);
  }
}
