package herald.domain.delivery;

import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.Campaigns;
import herald.domain.campaigns.HoldCode;
import herald.domain.campaigns.Publication;
import herald.domain.channels.Channel;
import herald.domain.customers.Customer;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Distribution;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * A publish_code message's code is held in escrow: the publication stays pending until a channel of the recipient
 * has sent it ({@link #delivered}: published then), and when every channel of the recipient has ended without
 * telling them ({@link #undelivered}: FAILED or SKIPPED, each one), the publication is rolled back and its code goes
 * back to the pool, so a customer never holds a code they were never told about. Each channel checks its siblings
 * after recording its own outcome (strongly consistent reads), so of two channels ending at once at least the later
 * one sees both ended. A message whose outcome is unknown (FAILED outcome_unknown) may have reached the customer:
 * its code is kept, pending.
 */
public final class CodeEscrow {
  private static final Set<MessageStatus> TOLD_NOTHING = Set.of(MessageStatus.FAILED, MessageStatus.SKIPPED);
  private final HoldCode hold;
  private final Campaigns campaigns;
  private final Messages messages;

  @Inject
  public CodeEscrow(HoldCode hold, Campaigns campaigns, Messages messages) {
    this.hold = hold;
    this.campaigns = campaigns;
    this.messages = messages;
  }

  /** A channel sent the message holding {@code held}: the publication is published. */
  public void delivered(Campaign campaign, Customer customer, Publication held) {
    hold.confirm(campaign, customer, held);
  }

  /** The job's message ended without being sent: rolls the recipient's publication back if no channel told them. */
  public void undelivered(SendJob job, Distribution distribution) {
    if (distribution == null || distribution.action().type() != ActionType.PUBLISH_CODE) return;
    for (Channel channel : distribution.channels()) {
      String id = new SendJob(job.distributionId(), channel.type(), job.customerId(), job.event()).messageId();
      Optional<Message> sibling = messages.get(id);
      if (sibling.isEmpty() || !TOLD_NOTHING.contains(sibling.get().status())) return;
      if (SendToRecipient.OUTCOME_UNKNOWN.equals(sibling.get().reason())) return;
    }
    Optional<Campaign> campaign = campaigns.get(distribution.action().campaignId());
    if (campaign.isEmpty()) return;
    String publicationId = HoldCode.publicationId(campaign.get(), job.customerId(), job.publicationSourceId());
    hold.withdraw(publicationId);
  }
}
