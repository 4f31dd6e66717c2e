package herald.domain.events;

import java.time.Instant;

/**
 * An event the bus delivered that Herald could not take, as an operator sees it: why (the {@code code} and the
 * {@code field} at fault, with a {@code message}) and which event it was ({@code eventId} from its detail,
 * {@code type} its detail-type, {@code source} and {@code time} from EventBridge's envelope, and the anonymous
 * {@code customerId}). Never its detail: no name, email, phone or data of the customer is kept. {@code id} is
 * the rejection's own id, the same for every delivery of one bus event. Any of the event's parts may be missing
 * (null): they are what was wrong with it. Texts are cut to {@value #MAX_TEXT} characters (the message to
 * {@value #MAX_MESSAGE}): whoever put the event on the bus chose them.
 */
public record RejectedEvent(String id, String eventId, String type, String source, Instant time, String customerId,
    String code, String field, String message, Instant rejectedAt) {
  public static final int MAX_TEXT = 256;
  public static final int MAX_MESSAGE = 500;

  public RejectedEvent {
    eventId = clip(eventId, MAX_TEXT);
    type = clip(type, MAX_TEXT);
    source = clip(source, MAX_TEXT);
    customerId = clip(customerId, MAX_TEXT);
    field = clip(field, MAX_TEXT);
    message = clip(message, MAX_MESSAGE);
    if (id == null || id.isBlank()) throw new IllegalArgumentException("a rejected event needs an id");
    if (code == null || code.isBlank()) throw new IllegalArgumentException("a rejected event needs a code");
    if (rejectedAt == null) throw new IllegalArgumentException("a rejected event needs its time of rejection");
  }

  /** When it happened, as far as anyone can tell: the bus's time, or else when it was rejected. */
  public Instant at() {
    return time != null ? time : rejectedAt;
  }

  private static String clip(String text, int max) {
    if (text == null || text.isEmpty()) return null;
    if (text.length() <= max) return text;
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "…";
  }
}
