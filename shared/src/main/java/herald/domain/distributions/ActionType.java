package herald.domain.distributions;

import herald.domain.events.Payload;
import java.util.Locale;

/** What recipients receive. */
public enum ActionType {
  PUBLISH_CODE, NOTIFY_PROMOTION, PLAIN_MESSAGE, GIFT_CREDITS, LOYALTY_POINTS, REWARD_DETAILS, PUBLISHED_CODE;

  /** The name in JSON: {@code publish_code}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What it reports from the trigger event's data, or null when it reads nothing of the event. */
  public Payload reads() {
    return switch (this) {
      case GIFT_CREDITS -> Payload.GIFT_CREDITS;
      case LOYALTY_POINTS -> Payload.LOYALTY_POINTS;
      case REWARD_DETAILS -> Payload.REWARD;
      case PUBLISHED_CODE -> Payload.PUBLISHED_CODE;
      case PUBLISH_CODE, NOTIFY_PROMOTION, PLAIN_MESSAGE -> null;
    };
  }

  /** Whether what it sends comes from the trigger event, so only the event's own customer can receive it. */
  public boolean readsEvent() {
    return reads() != null;
  }
}
