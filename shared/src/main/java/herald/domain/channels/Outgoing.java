package herald.domain.channels;

/** A rendered message for one channel's provider. */
public interface Outgoing {
  String messageId();
}
