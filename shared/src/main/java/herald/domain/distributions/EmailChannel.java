package herald.domain.distributions;

import herald.domain.Text;

/** An email: its subject and bodies are Mustache templates. */
public record EmailChannel(String subject, String html, String text) implements Channel {
  public EmailChannel {
    subject = Text.maxLength(Text.required(subject, "channels[].subject"), 998, "channels[].subject");
    html = Text.maxLength(Text.optional(html), 200_000, "channels[].html");
    text = Text.maxLength(Text.optional(text), 100_000, "channels[].text");
    if (html == null && text == null) throw herald.domain.Invalid.required("channels[].html");
  }

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }
}
