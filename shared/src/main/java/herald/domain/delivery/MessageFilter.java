package herald.domain.delivery;

import herald.domain.common.Text;

/** Which of a distribution's messages to list: any of status, channel and customer, each null for any. */
public record MessageFilter(MessageStatus status, String channel, String customerId) {
  public static final MessageFilter ALL = new MessageFilter(null, null, null);

  public MessageFilter {
    channel = Text.optional(channel);
    customerId = Text.optional(customerId);
  }

  public boolean matches(Message m) {
    return (status == null || m.status() == status) && (channel == null || channel.equals(m.channel()))
        && (customerId == null || customerId.equals(m.customerId()));
  }

  public boolean all() {
    return status == null && channel == null && customerId == null;
  }
}
