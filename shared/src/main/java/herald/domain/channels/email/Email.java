package herald.domain.channels.email;

import herald.domain.channels.Outgoing;

/**
 * A rendered email, ready for the provider. {@code unsubscribeUrl} (nullable) goes into the
 * List-Unsubscribe headers; {@code messageId} tags the email so delivery events find the message.
 */
public record Email(String fromName, String fromAddress, String to, String subject, String html, String text,
    String messageId, String unsubscribeUrl) implements Outgoing {

  public Email(String fromName, String fromAddress, String to, String subject, String html, String text,
      String messageId) {
    this(fromName, fromAddress, to, subject, html, text, messageId, null);
  }
}
