package herald.domain.fakes;

import herald.domain.channels.mailchimp.MailchimpApi;
import herald.domain.channels.mailchimp.MailchimpMember;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Takes every member and answers an id made from the message id. */
public final class RecordingMailchimpApi implements MailchimpApi {
  private final List<MailchimpMember> sent = new CopyOnWriteArrayList<>();

  @Override
  public String upsert(MailchimpMember member) {
    sent.add(member);
    return "mc_" + member.messageId();
  }

  public List<MailchimpMember> sent() {
    return List.copyOf(sent);
  }
}
