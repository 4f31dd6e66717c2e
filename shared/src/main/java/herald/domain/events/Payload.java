package herald.domain.events;

/**
 * What an event's data carries for the actions that report the event itself: the credits added to a gift card,
 * the loyalty points added or removed, the reward redeemed, the code published. Each such action fits only the
 * event types that carry what it reports.
 */
public enum Payload { GIFT_CREDITS, LOYALTY_POINTS, REWARD, PUBLISHED_CODE }
