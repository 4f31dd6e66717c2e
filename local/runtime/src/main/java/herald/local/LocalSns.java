package herald.local;

import herald.platform.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * SNS's Publish (Query protocol, form-encoded, XML answer) for text messages: records each SMS in memory
 * instead of sending it. {@code GET /sms} lists them as JSON, {@code DELETE /sms} forgets them. There are no
 * topics or platform endpoints locally: publishing to one answers NotFound (HTTP 404), as SNS does for an ARN
 * that does not exist.
 */
public final class LocalSns {
  private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  /** One recorded text message; attributes are the MessageAttributes' string values by name. */
  public record Sms(String messageId, String phoneNumber, String message, Map<String, String> attributes,
      String timestamp) {}

  private final List<Sms> sent = new CopyOnWriteArrayList<>();

  public List<Sms> sent() {
    return List.copyOf(sent);
  }

  public void clear() {
    sent.clear();
  }

  Reply list() {
    return Reply.json(200, Json.write(sent));
  }

  Reply handle(Map<String, String> form) {
    String action = form.getOrDefault("Action", "");
    if (!action.equals("Publish")) {
      return error(400, "InvalidAction", "The action " + action + " is not valid for the local SNS");
    }
    String message = form.get("Message");
    if (message == null || message.isEmpty()) return error(400, "InvalidParameter", "Empty message");
    String id = UUID.randomUUID().toString();
    String phone = form.get("PhoneNumber");
    if (phone != null) {
      if (!E164.matcher(phone).matches()) {
        return error(400, "InvalidParameter", "Invalid parameter: PhoneNumber Reason: " + phone
            + " is not valid to publish to");
      }
      sent.add(new Sms(id, phone, message, attributes(form), Instant.now().toString()));
      System.out.println("[herald-local] SMS " + id + " to " + masked(phone) + " recorded (" + message.length()
          + " chars)");
    } else if (form.containsKey("TopicArn")) {
      return error(404, "NotFound", "Topic does not exist");
    } else if (form.containsKey("TargetArn")) {
      return error(404, "NotFound", "Endpoint does not exist");
    } else {
      return error(400, "InvalidParameter", "Invalid parameter: TopicArn, TargetArn or PhoneNumber is required");
    }
    String xml = "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>" + id
        + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
        + "</RequestId></ResponseMetadata></PublishResponse>";
    return new Reply(200, "text/xml", xml);
  }

  /** MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue, by name. */
  private static Map<String, String> attributes(Map<String, String> form) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
      String prefix = "MessageAttributes.entry." + n + ".";
      String value = form.get(prefix + "Value.StringValue");
      attributes.put(form.get(prefix + "Name"), value != null ? value : form.get(prefix + "Value.BinaryValue"));
    }
    return attributes;
  }

  private static String masked(String phone) {
    return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
  }

  private static Reply error(int status, String code, String message) {
    String xml = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code
        + "</Code><Message>" + escape(message) + "</Message></Error><RequestId>" + UUID.randomUUID()
        + "</RequestId></ErrorResponse>";
    return new Reply(status, "text/xml", xml);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
