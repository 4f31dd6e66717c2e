package herald.domain.channels.webhook;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An HTTP POST to the user's URL, signed with a write-only secret (16-256 characters), with up to 20
 * custom headers, posting the envelope or a custom body. Host rules for the URL depend on the
 * deployment's allowlist: {@link WebhookUrls#check}.
 */
public record WebhookChannel(String url, String secret, Map<String, String> headers, WebhookPayload payload)
    implements Channel {
  private static final Set<String> RESERVED = Set.of("host", "content-length", "connection", "expect", "upgrade",
      "transfer-encoding");
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  public WebhookChannel {
    url = Text.maxLength(Text.required(url, "channels[].url"), 2048, "channels[].url");
    WebhookUrls.parse(url, "channels[].url");
    if (secret != null && (secret.length() < 16 || secret.length() > 256)) {
      throw new Invalid("invalid_value", "channels[].secret", "channels[].secret must be 16 to 256 characters");
    }
    headers = checked(headers);
    payload = payload == null ? WebhookPayload.ENVELOPE : payload;
  }

  @Override
  public String type() {
    return WebhookKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    return payload.templates();
  }

  @Override
  public String toString() {
    return "WebhookChannel[url=" + url + ", secret=" + (secret == null ? "unset" : "***") + ", headers=" + headers
        + ", payload=" + payload + "]";
  }

  private static Map<String, String> checked(Map<String, String> headers) {
    if (headers == null) return Map.of();
    String field = ChannelSettings.AT + "headers";
    if (headers.size() > 20) throw new Invalid("too_many", field, field + " has more than 20 headers");
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String at = field + "." + name;
      if (name == null || !name.matches(TOKEN)) {
        throw new Invalid("invalid_value", at, "header name " + name + " is not a valid HTTP token");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower) || lower.startsWith("x-herald-")) {
        throw new Invalid("forbidden_header", at, "header " + name + " is set by Herald and cannot be configured");
      }
      if (!seen.add(name)) throw new Invalid("invalid_value", at, "header " + name + " is given twice");
      if (value == null) throw Invalid.required(at);
      if (value.length() > 1024 || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new Invalid("invalid_value", at, at + " must be one line of at most 1024 characters");
      }
      copy.put(name, value);
    });
    return Collections.unmodifiableMap(copy);
  }
}
