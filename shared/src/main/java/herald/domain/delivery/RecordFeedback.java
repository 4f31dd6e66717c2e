package herald.domain.delivery;

import herald.domain.common.Text;
import herald.domain.suppressions.Suppression;
import herald.domain.suppressions.Suppressions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the email provider says happened to an email Herald sent: Delivery moves its message to DELIVERED,
 * Bounce to BOUNCED (reason: bounce type and subtype, e.g. {@code permanent_no_email}), Complaint to
 * COMPLAINED, Reject to FAILED ({@code rejected}); only ever forward, so a late or repeated event changes
 * nothing. A permanent bounce or a complaint puts the addresses on the suppression list, whatever the
 * message's status. Open and Click note the first time on the message ({@code opened_at}, {@code clicked_at}) and
 * count it once ({@link StatusCounters#engaged}); they never change its status.
 */
public final class RecordFeedback {
  static final String REJECTED = "rejected";
  private final Messages messages;
  private final Suppressions suppressions;
  private final StatusCounters stats;
  private final Clock clock;

  @Inject
  public RecordFeedback(Messages messages, Suppressions suppressions, StatusCounters stats, Clock clock) {
    this.messages = messages;
    this.suppressions = suppressions;
    this.stats = stats;
    this.clock = clock;
  }

  public enum Kind { DELIVERY, BOUNCE, COMPLAINT, REJECT, OPEN, CLICK, OTHER }

  /**
   * One provider event about one email: the Herald message id it was tagged with (null when it is not
   * Herald's), the kind, the bounce's type and subtype or the complaint's type (null when none), and the
   * addresses it concerns.
   */
  public record Feedback(String messageId, Kind kind, String bounceType, String bounceSubType, String complaintType,
      List<String> addresses) {
    public Feedback {
      messageId = Text.optional(messageId);
      if (kind == null) kind = Kind.OTHER;
      addresses = addresses == null ? List.of() : addresses.stream().filter(a -> a != null && !a.isBlank()).toList();
    }

    public boolean permanentBounce() {
      return kind == Kind.BOUNCE && "permanent".equalsIgnoreCase(bounceType);
    }
  }

  /** What an event did: the status its message moved to (null when none) and how many addresses it suppressed. */
  public record Outcome(MessageStatus moved, int suppressed, Engagement engaged) {
    public Outcome(MessageStatus moved, int suppressed) {
      this(moved, suppressed, null);
    }
  }

  public Outcome record(Feedback feedback) {
    if (feedback.messageId() == null || feedback.kind() == Kind.OTHER) return new Outcome(null, 0);
    if (feedback.kind() == Kind.OPEN || feedback.kind() == Kind.CLICK) return engaged(feedback);
    int suppressed = suppress(feedback);
    MessageStatus to = switch (feedback.kind()) {
      case DELIVERY -> MessageStatus.DELIVERED;
      case BOUNCE -> MessageStatus.BOUNCED;
      case COMPLAINT -> MessageStatus.COMPLAINED;
      default -> MessageStatus.FAILED;
    };
    Optional<Message> before = messages.get(feedback.messageId());
    if (before.isEmpty() || !messages.feedback(feedback.messageId(), to, reason(feedback))) {
      return new Outcome(null, suppressed);
    }
    Message m = before.get();
    stats.moved(m.distributionId(), m.channel(), m.status(), to);
    return new Outcome(to, suppressed);
  }

  /** The first open (or click) of a message is noted and counted; a later one changes nothing. */
  private Outcome engaged(Feedback feedback) {
    Engagement what = feedback.kind() == Kind.OPEN ? Engagement.OPENED : Engagement.CLICKED;
    Optional<Message> message = messages.get(feedback.messageId());
    if (message.isEmpty() || !messages.engaged(feedback.messageId(), what, clock.instant())) {
      return new Outcome(null, 0);
    }
    stats.engaged(message.get().distributionId(), message.get().channel(), what);
    return new Outcome(null, 0, what);
  }

  private int suppress(Feedback feedback) {
    String reason = feedback.permanentBounce() ? Suppression.HARD_BOUNCE
        : feedback.kind() == Kind.COMPLAINT ? Suppression.COMPLAINT : null;
    if (reason == null) return 0;
    var at = clock.instant();
    for (String address : feedback.addresses()) suppressions.add(address, reason, at);
    return feedback.addresses().size();
  }

  static String reason(Feedback feedback) {
    return switch (feedback.kind()) {
      case BOUNCE -> {
        String type = feedback.bounceType() == null ? "undetermined" : snake(feedback.bounceType());
        yield feedback.bounceSubType() == null ? type : type + "_" + snake(feedback.bounceSubType());
      }
      case COMPLAINT -> feedback.complaintType() == null ? null : snake(feedback.complaintType());
      case REJECT -> REJECTED;
      default -> null;
    };
  }

  /** {@code NoEmail} -> {@code no_email}, {@code OnAccountSuppressionList} -> {@code on_account_suppression_list}. */
  static String snake(String text) {
    return text.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_")
        .replaceAll("^_|_$", "").toLowerCase(Locale.ROOT);
  }
}
