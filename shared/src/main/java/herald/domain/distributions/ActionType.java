package herald.domain.distributions;

import java.util.Locale;

/** What recipients receive. */
public enum ActionType {
  PUBLISH_CODE, NOTIFY_PROMOTION, PLAIN_MESSAGE, GIFT_CREDITS, LOYALTY_POINTS, REWARD_DETAILS, PUBLISHED_CODE;

  /** The name in JSON: {@code publish_code}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether what it sends comes from the trigger event, so only the event's own customer can receive it. */
  public boolean readsEvent() {
    return this == GIFT_CREDITS || this == LOYALTY_POINTS || this == REWARD_DETAILS || this == PUBLISHED_CODE;
  }
}
