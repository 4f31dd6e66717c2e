package herald.domain.delivery;

/** A rendered email, ready for the provider. */
public record Email(String fromName, String fromAddress, String to, String subject, String html, String text,
    String messageId) {}
