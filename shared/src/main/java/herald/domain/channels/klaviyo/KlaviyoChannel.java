package herald.domain.channels.klaviyo;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Klaviyo event: a write-only private API key (pk_...), the metric (event name) and properties (name -> template). */
public record KlaviyoChannel(String apiKey, String metric, Map<String, String> properties) implements Channel {
  public KlaviyoChannel {
    apiKey = ChannelSettings.secret(apiKey, "api_key");
    if (apiKey != null && (!apiKey.startsWith("pk_") || apiKey.length() < 4)) {
      throw new Invalid("invalid_value", "channels[].api_key", "channels[].api_key must be a Klaviyo private key (pk_...)");
    }
    metric = Text.maxLength(Text.required(metric, "channels[].metric"), 128, "channels[].metric");
    properties = ChannelSettings.templateMap(properties, "properties", 50);
  }

  @Override
  public String type() {
    return KlaviyoKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    properties.forEach((name, template) -> templates.put("properties." + name, template));
    return templates;
  }

  @Override
  public String toString() {
    return "KlaviyoChannel[api_key=" + (apiKey == null ? "unset" : "***") + ", metric=" + metric
        + ", properties=" + properties + "]";
  }
}
