package herald.domain.channels.intercom;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** An Intercom data event: a write-only access token, the region (us, eu, au), the event name and up to 10 metadata. */
public record IntercomChannel(String accessToken, String region, String eventName, Map<String, String> metadata)
    implements Channel {
  public static final Set<String> REGIONS = Set.of("us", "eu", "au");

  public IntercomChannel {
    accessToken = ChannelSettings.secret(accessToken, "access_token");
    region = region == null ? "us" : region;
    if (!REGIONS.contains(region)) {
      throw new Invalid("invalid_value", "channels[].region", "channels[].region must be us, eu or au");
    }
    eventName = Text.maxLength(Text.required(eventName, "channels[].event_name"), 255, "channels[].event_name");
    metadata = ChannelSettings.templateMap(metadata, "metadata", 10);
  }

  @Override
  public String type() {
    return IntercomKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    metadata.forEach((name, template) -> templates.put("metadata." + name, template));
    return templates;
  }

  @Override
  public String toString() {
    return "IntercomChannel[access_token=" + (accessToken == null ? "unset" : "***") + ", region=" + region
        + ", event_name=" + eventName + ", metadata=" + metadata + "]";
  }
}
