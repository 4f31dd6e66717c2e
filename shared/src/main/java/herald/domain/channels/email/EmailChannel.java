package herald.domain.channels.email;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An email: its subject and bodies are Mustache templates; html or text (or both) is required. The subject's template
 * is plain text (it becomes a header); control characters a customer's value brings in are replaced when rendered.
 */
public record EmailChannel(String subject, String html, String text) implements Channel {
  public EmailChannel {
    subject = Text.plain(Text.maxLength(Text.required(subject, "channels[].subject"), 998, "channels[].subject"),
        "channels[].subject");
    html = Text.maxLength(Text.optional(html), 200_000, "channels[].html");
    text = Text.maxLength(Text.optional(text), 100_000, "channels[].text");
    if (html == null && text == null) throw Invalid.required("channels[].html");
  }

  @Override
  public String type() {
    return EmailKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    ChannelSettings.put(templates, "subject", subject);
    ChannelSettings.put(templates, "html", html);
    ChannelSettings.put(templates, "text", text);
    return templates;
  }
}
