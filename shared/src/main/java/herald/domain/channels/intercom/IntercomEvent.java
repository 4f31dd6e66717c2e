package herald.domain.channels.intercom;

import herald.domain.channels.Outgoing;
import herald.domain.integrations.ToolAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Intercom data event, rendered: the integration to call, the contact it is about (found or created by its
 * external id), the event's name, its time in Unix seconds (the trigger event's, so a resend is the identical event
 * Intercom ignores) and its flat metadata (strings of at most 255 characters, numbers, Unix times for
 * {@code _date} keys), in the order Intercom keeps them.
 */
public record IntercomEvent(String messageId, ToolAccess access, Contact contact, String eventName, long createdAt,
    Map<String, Object> metadata) implements Outgoing {
  public IntercomEvent {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * The customer as an Intercom user: {@code externalId} is the customer's source_id; the name, email and phone go
   * with a contact Herald creates (null: the customer has none). Never logged: {@link #toString()} hides them.
   */
  public record Contact(String externalId, String name, String email, String phone) {
    @Override
    public String toString() {
      return "Contact[external_id, name, email and phone hidden]";
    }
  }
}
