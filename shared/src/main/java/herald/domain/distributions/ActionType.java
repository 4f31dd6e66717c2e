package herald.domain.distributions;

/** What recipients receive. */
public enum ActionType {
  PUBLISH_CODE, NOTIFY_PROMOTION, PLAIN_MESSAGE, GIFT_CREDITS, LOYALTY_POINTS, REWARD_DETAILS, PUBLISHED_CODE
}
