package herald.domain.fanout;

import static herald.domain.fakes.Samples.T0;
import static herald.domain.fanout.FanoutFixture.PLENTY_OF_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionDraft;
import herald.domain.distributions.DistributionStatus;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.Samples;
import herald.domain.segments.Segment;
import org.junit.jupiter.api.Test;

/** A fan-out whose distribution stopped sending to the segment, or whose segment is gone, sends nothing more. */
class FanOutStopsTest {
  private final FanoutFixture f = new FanoutFixture();
  private final TriggerEvent sale = Samples.orderPaid("evt_sale", Samples.customer("src-buyer"));

  @Test
  void sendsNothingMoreOnceTheDistributionIsPausedArchivedOrDeleted() {
    Segment segment = f.segment("seg_vip", 1);
    f.members(segment, 5);
    f.distributions.create(FanoutFixture.toSegment("paused", "seg_vip", DistributionStatus.PAUSED));
    f.distributions.create(FanoutFixture.toSegment("archived", "seg_vip", DistributionStatus.ARCHIVED));
    FanOut fanOut = f.fanOut(FanOut.Limits.DEFAULT);

    assertThat(fanOut.run(FanoutJob.forEvent("paused", "seg_vip", 0, sale), PLENTY_OF_TIME).skipped())
        .isEqualTo("distribution_not_active");
    assertThat(fanOut.run(FanoutJob.forEvent("archived", "seg_vip", 0, sale), PLENTY_OF_TIME).skipped())
        .isEqualTo("distribution_not_active");
    assertThat(fanOut.run(FanoutJob.forEvent("deleted", "seg_vip", 0, sale).continueAt("cust_002", 3),
        PLENTY_OF_TIME).skipped()).isEqualTo("distribution_not_found");
    assertThat(f.sendQueue.batches()).isEmpty();
    assertThat(f.fanoutQueue.jobs()).isEmpty();
  }

  @Test
  void stopsWhenTheDistributionWasEditedToSendToAnotherSegment() {
    Segment segment = f.segment("seg_vip", 1);
    f.members(segment, 5);
    Distribution before = FanoutFixture.toSegment("dist_sale", "seg_vip", DistributionStatus.ACTIVE);
    f.distributions.create(before);
    f.distributions.replace(before.edit(new DistributionDraft(before.name(), null, before.trigger(),
        Audience.segment("seg_other"), before.action(), before.channels()), T0), 1);

    FanOut.Run run = f.fanOut(FanOut.Limits.DEFAULT).run(FanoutJob.forEvent("dist_sale", "seg_vip", 0, sale),
        PLENTY_OF_TIME);

    assertThat(run.skipped()).isEqualTo("segment_no_longer_its_audience");
    assertThat(f.sendQueue.batches()).isEmpty();
  }

  @Test
  void existingMembersStopWhenTheDistributionNoLongerIncludesThem() {
    Segment segment = f.segment("seg_vip", 1);
    f.members(segment, 5);
    f.distributions.create(FanoutFixture.onEntry("dist_club", "seg_vip", false, DistributionStatus.ACTIVE));

    FanOut.Run run = f.fanOut(FanOut.Limits.DEFAULT).run(FanoutJob.forExistingMembers("dist_club", "seg_vip", 0),
        PLENTY_OF_TIME);

    assertThat(run.skipped()).isEqualTo("segment_no_longer_its_audience");
    assertThat(f.sendQueue.batches()).isEmpty();
  }

  @Test
  void sendsNothingForASegmentDeletedSinceTheJobWasPut() {
    f.distributions.create(FanoutFixture.toSegment("dist_sale", "seg_gone", DistributionStatus.ACTIVE));

    FanOut.Run run = f.fanOut(FanOut.Limits.DEFAULT).run(FanoutJob.forEvent("dist_sale", "seg_gone", 0, sale),
        PLENTY_OF_TIME);

    assertThat(run.skipped()).isEqualTo("segment_not_found");
    assertThat(f.sendQueue.batches()).isEmpty();
  }
}
