package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.domain.delivery.RecordFeedback.Feedback;
import herald.domain.delivery.RecordFeedback.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an SES event as EventBridge delivers it (source {@code aws.ses}, detail-type e.g. "Email Bounced"):
 * {@code detail.eventType}, the Herald message id from {@code detail.mail.tags.herald_message_id[0]}, the
 * bounce's type and subtype, the complaint's type, and the addresses concerned (the bounced or complained
 * recipients, else {@code detail.mail.destination}).
 */
public final class SesEventJson {
  public static final String MESSAGE_ID_TAG = "herald_message_id";

  private SesEventJson() {}

  /** The feedback in an EventBridge event from SES (or in its bare {@code detail}); Invalid when it is none. */
  public static Feedback read(JsonNode event) {
    if (event == null || !event.isObject()) throw new Invalid("invalid_type", "event", "the event must be an object");
    JsonNode detail = event.has("detail") ? event.get("detail") : event;
    if (!detail.isObject() || !detail.path("mail").isObject()) {
      throw new Invalid("missing_field", "detail.mail", "not an SES event: no detail.mail");
    }
    String type = detail.path("eventType").asText(detail.path("notificationType").asText(""));
    Kind kind = kind(type);
    JsonNode mail = detail.get("mail");
    JsonNode bounce = detail.path("bounce");
    JsonNode complaint = detail.path("complaint");
    List<String> addresses = switch (kind) {
      case BOUNCE -> recipients(bounce.path("bouncedRecipients"), mail);
      case COMPLAINT -> recipients(complaint.path("complainedRecipients"), mail);
      default -> destination(mail);
    };
    return new Feedback(text(mail.path("tags").path(MESSAGE_ID_TAG).path(0)), kind,
        text(bounce.path("bounceType")), text(bounce.path("bounceSubType")),
        text(complaint.path("complaintFeedbackType")), addresses);
  }

  private static Kind kind(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "delivery" -> Kind.DELIVERY;
      case "bounce" -> Kind.BOUNCE;
      case "complaint" -> Kind.COMPLAINT;
      case "reject" -> Kind.REJECT;
      case "open" -> Kind.OPEN;
      case "click" -> Kind.CLICK;
      default -> Kind.OTHER;
    };
  }

  private static List<String> recipients(JsonNode recipients, JsonNode mail) {
    Set<String> addresses = new LinkedHashSet<>();
    recipients.forEach(r -> {
      String address = address(text(r.path("emailAddress")));
      if (address != null) addresses.add(address);
    });
    return addresses.isEmpty() ? destination(mail) : new ArrayList<>(addresses);
  }

  private static List<String> destination(JsonNode mail) {
    Set<String> addresses = new LinkedHashSet<>();
    mail.path("destination").forEach(d -> {
      String address = address(text(d));
      if (address != null) addresses.add(address);
    });
    return new ArrayList<>(addresses);
  }

  /** The bare address of {@code a@b.c} or {@code "Name" <a@b.c>}. */
  static String address(String text) {
    if (text == null) return null;
    int open = text.lastIndexOf('<');
    int close = text.lastIndexOf('>');
    String address = open >= 0 && close > open ? text.substring(open + 1, close) : text;
    address = address.strip();
    return address.isEmpty() ? null : address;
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}
