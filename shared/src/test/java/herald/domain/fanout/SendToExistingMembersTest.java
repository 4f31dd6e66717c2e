package herald.domain.fanout;

import static herald.domain.fanout.FanoutFixture.PLENTY_OF_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.common.Invalid;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionRules;
import herald.domain.distributions.DistributionSecrets;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.ManageDistributions;
import herald.domain.distributions.Trigger;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.InMemoryActivity;
import herald.domain.fakes.InMemoryCampaigns;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.segments.Member;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import herald.domain.templates.Templates;
import herald.domain.trigger.DispatchEvent;
import herald.testing.TestChannels;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SendToExistingMembersTest {
  private final FanoutFixture f = new FanoutFixture();
  private final ManageDistributions manage = new ManageDistributions(f.distributions, f.segments, new InMemoryCampaigns(),
      new DistributionRules(new Templates(), new FakePatterns(), TestChannels.kinds()), new InMemoryActivity(),
      new TestClock(), new SendToExistingMembers(f.segments, f.fanoutQueue), DistributionSecrets.IN_DOCUMENT);

  @Test
  void activatingPutsOneExistingMembersJobPerShardOfTheTriggersSegment() {
    f.segment("seg_vip", 4);
    f.distributions.create(FanoutFixture.onEntry("dist_club", "seg_vip", true, DistributionStatus.DRAFT));

    manage.moveTo("dist_club", DistributionStatus.ACTIVE, "root");

    assertThat(f.fanoutQueue.jobs()).extracting(FanoutJob::shard).containsExactly(0, 1, 2, 3);
    assertThat(f.fanoutQueue.jobs()).allSatisfy(job -> {
      assertThat(job.existingMembers()).isTrue();
      assertThat(job.distributionId()).isEqualTo("dist_club");
      assertThat(job.segmentId()).isEqualTo("seg_vip");
      assertThat(job.cursor()).isNull();
    });
  }

  @Test
  void activatingPutsNothingWithoutIncludeExistingMembersOrForALeftTrigger() {
    f.segment("seg_vip", 2);
    f.distributions.create(FanoutFixture.onEntry("not_included", "seg_vip", false, DistributionStatus.DRAFT));
    Distribution left = FanoutFixture.onEntry("left", "seg_vip", false, DistributionStatus.DRAFT);
    f.distributions.create(new Distribution("left", left.name(), null, DistributionStatus.DRAFT,
        new Trigger(SegmentEvents.LEFT, Map.of("segment_id", "seg_vip")), Audience.eventCustomer(), left.action(),
        left.channels(), 1, left.createdAt(), left.updatedAt()));
    f.distributions.create(Samples.distribution("order", DistributionStatus.DRAFT, Samples.orderPaid()));

    manage.moveTo("not_included", DistributionStatus.ACTIVE, "root");
    manage.moveTo("left", DistributionStatus.ACTIVE, "root");
    manage.moveTo("order", DistributionStatus.ACTIVE, "root");

    assertThat(f.fanoutQueue.jobs()).isEmpty();
  }

  @Test
  void pausingOrArchivingPutsNothing() {
    f.segment("seg_vip", 2);
    f.distributions.create(FanoutFixture.onEntry("dist_club", "seg_vip", true, DistributionStatus.ACTIVE));

    manage.moveTo("dist_club", DistributionStatus.PAUSED, "root");
    manage.moveTo("dist_club", DistributionStatus.ARCHIVED, "root");

    assertThat(f.fanoutQueue.jobs()).isEmpty();
  }

  @Test
  void aSegmentThatNoLongerExistsHasNoMembersToSendTo() {
    f.distributions.create(FanoutFixture.onEntry("dist_club", "seg_gone", true, DistributionStatus.DRAFT));

    assertThat(catchThrowableOfType(Invalid.class, () -> manage.moveTo("dist_club", DistributionStatus.ACTIVE,
        "root")).code()).isEqualTo("unknown_segment");
    // gone between the activation's check and its fan-out
    new SendToExistingMembers(f.segments, f.fanoutQueue).activated(FanoutFixture.onEntry("dist_club", "seg_gone",
        true, DistributionStatus.ACTIVE));
    assertThat(f.fanoutQueue.jobs()).isEmpty();
  }

  @Test
  void eachExistingMemberGetsOneMessagePerChannelThroughRetriedAndRepeatedActivationsAndTheirLiveEvent() {
    Segment segment = f.segment("seg_vip", 3);
    List<String> members = f.members(segment, 30);
    f.distributions.create(FanoutFixture.onEntry("dist_club", "seg_vip", true, DistributionStatus.DRAFT));
    FanOut fanOut = f.fanOut(new FanOut.Limits(4, 2, 0));
    DispatchEvent live = new DispatchEvent(f.distributions, f.sendQueue, f.fanoutQueue, f.segments,
        new FakePatterns());

    manage.moveTo("dist_club", DistributionStatus.ACTIVE, "root");
    manage.moveTo("dist_club", DistributionStatus.ACTIVE, "root");   // the call retried
    f.drain(fanOut, PLENTY_OF_TIME);
    manage.moveTo("dist_club", DistributionStatus.PAUSED, "root");
    manage.moveTo("dist_club", DistributionStatus.ACTIVE, "root");
    f.drain(fanOut, PLENTY_OF_TIME);
    // cust_007's entry announced again (its evaluation found it pending) while the distribution is active
    Member member = f.memberships.members("seg_vip", segment.shardOf("cust_007"), null, 100).items().stream()
        .filter(m -> m.customerId().equals("cust_007")).findFirst().orElseThrow();
    live.dispatch(SegmentEvents.transition(segment, "cust_007", "src-7", member.seq(), true, member.enteredAt()));

    List<SendJob> queued = f.sendQueue.jobs();
    Set<String> claimed = new HashSet<>(f.messageIds());   // the sender claims each message id once
    assertThat(queued).hasSize(3 * 30 * 2 + 2);
    assertThat(claimed).hasSize(30 * 2);
    assertThat(queued.stream().map(SendJob::customerId).distinct()).containsExactlyInAnyOrderElementsOf(members);
  }
}
