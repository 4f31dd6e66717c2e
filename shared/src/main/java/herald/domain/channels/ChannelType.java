package herald.domain.channels;

/** How a message arrives. */
public enum ChannelType {
  EMAIL, SMS, WEBHOOK, BRAZE, MAILCHIMP, KLAVIYO, INTERCOM;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
