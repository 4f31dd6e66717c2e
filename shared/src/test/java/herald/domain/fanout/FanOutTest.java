package herald.domain.fanout;

import static herald.domain.fakes.Samples.T0;
import static herald.domain.fanout.FanoutFixture.PLENTY_OF_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.delivery.SendJob;
import herald.domain.distributions.DistributionStatus;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.Samples;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanOutTest {
  private final FanoutFixture f = new FanoutFixture();
  private final TriggerEvent sale = Samples.orderPaid("evt_sale", Samples.customer("src-buyer"));

  @Test
  void queuesOneSendJobPerMemberOfTheShardAndChannelWithTheTriggerEvent() {
    Segment segment = f.segment("seg_vip", 1);
    List<String> members = f.members(segment, 25);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));

    FanOut.Run run = f.fanOut(new FanOut.Limits(10, 100, 0))
        .run(FanoutJob.forEvent("dist_sale", "seg_vip", 0, sale), PLENTY_OF_TIME);

    assertThat(run.pages()).isEqualTo(3);
    assertThat(run.members()).isEqualTo(25);
    assertThat(run.sendJobs()).isEqualTo(50);
    assertThat(run.followUp()).isNull();
    assertThat(f.sendQueue.jobs()).hasSize(50).allSatisfy(job -> {
      assertThat(job.event()).isEqualTo(sale);
      assertThat(job.distributionId()).isEqualTo("dist_sale");
    });
    assertThat(f.sendQueue.jobs()).filteredOn(j -> j.channel().equals("email")).extracting(SendJob::customerId)
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(f.sendQueue.jobs()).filteredOn(j -> j.channel().equals("webhook"))
        .extracting(SendJob::customerId).containsExactlyInAnyOrderElementsOf(members);
    assertThat(f.fanoutQueue.jobs()).isEmpty();
  }

  @Test
  void readsOnlyItsOwnShard() {
    Segment segment = f.segment("seg_vip", 4);
    List<String> members = f.members(segment, 40);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));

    f.fanOut(FanOut.Limits.DEFAULT).run(FanoutJob.forEvent("dist_sale", "seg_vip", 2, sale), PLENTY_OF_TIME);

    List<String> inShard2 = members.stream().filter(id -> segment.shardOf(id) == 2).toList();
    assertThat(inShard2).isNotEmpty().hasSizeLessThan(40);
    assertThat(f.sendQueue.jobs()).filteredOn(j -> j.channel().equals("email")).extracting(SendJob::customerId)
        .containsExactlyInAnyOrderElementsOf(inShard2);
  }

  @Test
  void carriesOnInAFollowUpJobWhenTheRunHasReadItsShareOfPages() {
    Segment segment = f.segment("seg_vip", 1);
    List<String> members = f.members(segment, 45);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));
    FanOut fanOut = f.fanOut(new FanOut.Limits(10, 2, 0));

    FanOut.Run first = fanOut.run(FanoutJob.forEvent("dist_sale", "seg_vip", 0, sale), PLENTY_OF_TIME);

    assertThat(first.pages()).isEqualTo(2);
    assertThat(first.members()).isEqualTo(20);
    assertThat(f.fanoutQueue.jobs()).containsExactly(first.followUp());
    assertThat(first.followUp().cursor()).isNotNull();
    assertThat(first.followUp().page()).isEqualTo(2);
    assertThat(first.followUp().event()).isEqualTo(sale);

    assertThat(f.drain(fanOut, PLENTY_OF_TIME)).isEqualTo(2);   // pages 3-4, then page 5 (the last 5)
    assertThat(f.sendQueue.jobs()).filteredOn(j -> j.channel().equals("email")).extracting(SendJob::customerId)
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(f.messageIds()).hasSize(90).doesNotHaveDuplicates();
  }

  @Test
  void carriesOnInAFollowUpJobWhenTimeRunsShortReadingAtLeastOnePagePerRun() {
    Segment segment = f.segment("seg_vip", 1);
    List<String> members = f.members(segment, 35);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));
    FanOut fanOut = f.fanOut(new FanOut.Limits(10, 100, 20_000));

    FanOut.Run first = fanOut.run(FanoutJob.forEvent("dist_sale", "seg_vip", 0, sale), () -> 5_000);
    int more = f.drain(fanOut, () -> 5_000);

    assertThat(first.pages()).isEqualTo(1);
    assertThat(more).isEqualTo(3);
    assertThat(f.fanoutQueue.jobs()).extracting(FanoutJob::page).containsExactly(1, 2, 3);
    assertThat(f.sendQueue.jobs()).filteredOn(j -> j.channel().equals("email")).extracting(SendJob::customerId)
        .containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void aShardThatEndsExactlyOnAPageBoundaryPutsNoFollowUp() {
    Segment segment = f.segment("seg_vip", 1);
    f.members(segment, 20);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));

    FanOut.Run run = f.fanOut(new FanOut.Limits(10, 2, 0))
        .run(FanoutJob.forEvent("dist_sale", "seg_vip", 0, sale), PLENTY_OF_TIME);

    assertThat(run.members()).isEqualTo(20);
    assertThat(run.followUp()).isNull();
    assertThat(f.fanoutQueue.jobs()).isEmpty();
  }

  @Test
  void anEmptyShardQueuesNothing() {
    f.segment("seg_vip", 2);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));

    FanOut.Run run = f.fanOut(FanOut.Limits.DEFAULT).run(FanoutJob.forEvent("dist_sale", "seg_vip", 1, sale),
        PLENTY_OF_TIME);

    assertThat(run.skipped()).isNull();
    assertThat(run.members()).isZero();
    assertThat(f.sendQueue.batches()).isEmpty();
  }

  @Test
  void runningTheSameJobAgainQueuesTheSameMessagesSoTheSenderClaimsEachOnce() {
    Segment segment = f.segment("seg_vip", 1);
    f.members(segment, 30);
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE));
    FanOut fanOut = f.fanOut(new FanOut.Limits(10, 100, 0));
    FanoutJob job = FanoutJob.forEvent("dist_sale", "seg_vip", 0, sale);

    fanOut.run(job, PLENTY_OF_TIME);
    List<String> first = new ArrayList<>(f.messageIds());
    fanOut.run(job, PLENTY_OF_TIME);

    List<String> all = f.messageIds();
    assertThat(all).hasSize(120);
    assertThat(all.subList(60, 120)).containsExactlyElementsOf(first);
    assertThat(first).doesNotHaveDuplicates();
  }

  @Test
  void existingMembersGetTheEnteredEventThatAnnouncedTheirEntry() {
    Segment segment = f.segment("seg_vip", 1);
    f.members(segment, 3);
    f.leaveAndEnter(segment, "cust_001");   // entered twice: the second entry (seq 3) is the one that counts
    f.distributions.create(FanoutFixture.onEntry("dist_club", "seg_vip", true, DistributionStatus.ACTIVE));

    f.fanOut(FanOut.Limits.DEFAULT).run(FanoutJob.forExistingMembers("dist_club", "seg_vip", 0), PLENTY_OF_TIME);

    List<SendJob> email = f.sendQueue.jobs().stream().filter(j -> j.channel().equals("email")).toList();
    assertThat(email).extracting(SendJob::customerId).containsExactly("cust_000", "cust_001", "cust_002");
    SendJob second = email.get(1);
    TriggerEvent live = SegmentEvents.transition(segment, "cust_001", "src-001", 3, true, T0.plusSeconds(7200));
    assertThat(second.event().id()).isEqualTo(live.id());
    assertThat(second.event().type()).isEqualTo(SegmentEvents.ENTERED);
    assertThat(second.event().createdAt()).isEqualTo(T0.plusSeconds(7200));
    assertThat(second.messageId()).isEqualTo(new SendJob("dist_club", "email", "cust_001", live).messageId());
    assertThat(email.get(0).event().id())
        .isEqualTo(SegmentEvents.transition(segment, "cust_000", null, 1, true, T0).id());
  }
}
