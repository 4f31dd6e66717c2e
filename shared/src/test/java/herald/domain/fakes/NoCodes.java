package herald.domain.fakes;

import herald.domain.campaigns.FindPromotionTier;
import herald.domain.campaigns.HoldCode;
import herald.domain.campaigns.QrLinks;
import herald.domain.common.SigningKey;
import herald.domain.delivery.ActionScope;
import herald.domain.delivery.CodeEscrow;
import herald.domain.delivery.Messages;
import java.time.Clock;

/**
 * The action scope and code escrow for domain tests whose distributions hold no code (plain_message and the
 * event-reporting actions): campaigns in memory, no codes or publications (a publish_code would fail loudly).
 */
public final class NoCodes {
  /** The QR links the scope makes: key {@code test-signing-key-0123456789}, at https://herald.test. */
  public static final QrLinks QR = new QrLinks(new SigningKey("test-signing-key-0123456789"), "https://herald.test");

  private NoCodes() {}

  private static HoldCode hold(Clock clock) {
    return new HoldCode(new InMemoryCampaigns(), null, null, new RecordingEventBus(), clock);
  }

  public static ActionScope scope(Clock clock) {
    return scope(clock, new InMemoryCampaigns());
  }

  /** With these campaigns for notify_promotion's tiers. */
  public static ActionScope scope(Clock clock, InMemoryCampaigns campaigns) {
    return new ActionScope(hold(clock), new FindPromotionTier(campaigns, clock), QR, new InMemoryActivity(), clock);
  }

  public static CodeEscrow escrow(Messages messages, Clock clock) {
    return new CodeEscrow(hold(clock), new InMemoryCampaigns(), messages);
  }
}
