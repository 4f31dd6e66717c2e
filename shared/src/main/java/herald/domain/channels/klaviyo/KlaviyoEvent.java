package herald.domain.channels.klaviyo;

import herald.domain.channels.Outgoing;
import herald.domain.integrations.ToolAccess;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Klaviyo event, rendered: of {@code metric} (its name), at {@code time}, with {@code properties}, for the
 * {@code profile}, sent with the integration's {@code access}; the message id is its {@code unique_id}, so Klaviyo
 * records it once however often it arrives. Never logged whole: {@link #toString()} hides the profile, the
 * properties and the credentials.
 */
public record KlaviyoEvent(String messageId, ToolAccess access, String metric, Map<String, Object> properties,
    Instant time, KlaviyoProfile profile) implements Outgoing {
  public KlaviyoEvent {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  @Override
  public String toString() {
    return "KlaviyoEvent[" + messageId + ", integration " + access.integrationId() + ", "
        + properties.size() + " properties]";
  }
}
