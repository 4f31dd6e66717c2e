package herald.domain.delivery;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.ChannelType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.RecordingJobQueue;
import herald.domain.fakes.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchEventTest {
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final RecordingJobQueue queue = new RecordingJobQueue();
  private final DispatchEvent dispatch = new DispatchEvent(distributions, queue);
  private final Customer ada = Samples.customer("src-ada");

  @Test
  void queuesOneJobPerChannelForEachActiveDistributionOfTheEventType() {
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));
    distributions.create(Samples.distribution("d2", DistributionStatus.ACTIVE, Samples.orderPaid()));
    TriggerEvent paid = Samples.orderPaid("evt_1", ada);

    List<SendJob> jobs = dispatch.dispatch(paid);

    assertThat(jobs).extracting(SendJob::distributionId).containsExactlyInAnyOrder("d1", "d2");
    assertThat(jobs).allSatisfy(job -> {
      assertThat(job.channel()).isEqualTo(ChannelType.EMAIL);
      assertThat(job.customerId()).isEqualTo(ada.id());
      assertThat(job.event()).isEqualTo(paid);
    });
    assertThat(queue.batches()).hasSize(1);
    assertThat(queue.jobs()).containsExactlyInAnyOrderElementsOf(jobs);
  }

  @Test
  void queuesNothingForPausedDraftOrArchivedDistributions() {
    distributions.create(Samples.distribution("d1", DistributionStatus.PAUSED, Samples.orderPaid()));
    distributions.create(Samples.distribution("d2", DistributionStatus.DRAFT, Samples.orderPaid()));
    distributions.create(Samples.distribution("d3", DistributionStatus.ARCHIVED, Samples.orderPaid()));

    assertThat(dispatch.dispatch(Samples.orderPaid("evt_1", ada))).isEmpty();

    assertThat(queue.batches()).isEmpty();
  }

  @Test
  void queuesNothingForDistributionsOfAnotherEventType() {
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));

    TriggerEvent created = Samples.event("evt_1", "customer.order.created", ada, Map.of());
    assertThat(dispatch.dispatch(created)).isEmpty();

    assertThat(queue.batches()).isEmpty();
  }

  @Test
  void aCustomEventTriggersOnlyTheDistributionsFilteringOnItsName() {
    distributions.create(Samples.distribution("signup", DistributionStatus.ACTIVE, Samples.custom("signup")));
    distributions.create(Samples.distribution("churn", DistributionStatus.ACTIVE, Samples.custom("churn")));

    List<SendJob> jobs = dispatch.dispatch(Samples.customEvent("evt_1", "signup", ada));

    assertThat(jobs).extracting(SendJob::distributionId).containsExactly("signup");
    assertThat(queue.jobs()).extracting(SendJob::distributionId).containsExactly("signup");
  }

  @Test
  void aCustomEventWithAnotherNameTriggersNothing() {
    distributions.create(Samples.distribution("signup", DistributionStatus.ACTIVE, Samples.custom("signup")));

    assertThat(dispatch.dispatch(Samples.customEvent("evt_1", "signed_up", ada))).isEmpty();
    assertThat(queue.batches()).isEmpty();
  }

  @Test
  void queuesNothingForAnAudienceOtherThanTheEventCustomer() {
    distributions.create(new Distribution("seg", "Segment blast", DistributionStatus.ACTIVE, Samples.orderPaid(),
        AudienceType.SEGMENT, ActionType.PLAIN_MESSAGE, List.of(Samples.email()), 1, T0, T0));

    assertThat(dispatch.dispatch(Samples.orderPaid("evt_1", ada))).isEmpty();
  }

  @Test
  void dispatchingTheSameEventAgainGivesTheSameMessageIds() {
    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));
    TriggerEvent paid = Samples.orderPaid("evt_1", ada);

    String first = dispatch.dispatch(paid).getFirst().messageId();
    String again = dispatch.dispatch(Samples.orderPaid("evt_1", ada)).getFirst().messageId();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void theMessageIdIsTheSameForTheSameDistributionEventCustomerAndChannel() {
    Customer bob = Samples.customer("src-bob");
    SendJob job = new SendJob("d1", ChannelType.EMAIL, ada.id(), Samples.orderPaid("evt_1", ada));

    assertThat(new SendJob("d1", ChannelType.EMAIL, ada.id(), Samples.orderPaid("evt_1", ada)).messageId())
        .isEqualTo(job.messageId())
        .startsWith("msg_");
    assertThat(List.of(
        new SendJob("d2", ChannelType.EMAIL, ada.id(), Samples.orderPaid("evt_1", ada)).messageId(),
        new SendJob("d1", ChannelType.EMAIL, ada.id(), Samples.orderPaid("evt_2", ada)).messageId(),
        new SendJob("d1", ChannelType.EMAIL, bob.id(), Samples.orderPaid("evt_1", bob)).messageId(),
        new SendJob("d1", ChannelType.SMS, ada.id(), Samples.orderPaid("evt_1", ada)).messageId()))
        .doesNotContain(job.messageId())
        .doesNotHaveDuplicates();
  }

  @Test
  void theMessageIdDoesNotDependOnTheEventsDataOrTime() {
    SendJob job = new SendJob("d1", ChannelType.EMAIL, ada.id(), Samples.orderPaid("evt_1", ada));
    TriggerEvent redelivered = new TriggerEvent("evt_1", Samples.ORDER_PAID, T0.plusSeconds(60),
        new TriggerEvent.CustomerRef(ada.id(), null), Map.of("other", 1));

    assertThat(new SendJob("d1", ChannelType.EMAIL, ada.id(), redelivered).messageId()).isEqualTo(job.messageId());
  }

  @Test
  void theMessageIdKeepsItsPartsApart() {
    SendJob one = new SendJob("ab", ChannelType.EMAIL, ada.id(), Samples.orderPaid("c", ada));
    SendJob two = new SendJob("a", ChannelType.EMAIL, ada.id(), Samples.orderPaid("bc", ada));

    assertThat(one.messageId()).isNotEqualTo(two.messageId());
  }
}
