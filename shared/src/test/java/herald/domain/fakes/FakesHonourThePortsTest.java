package herald.domain.fakes;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.DistributionStatus;
import herald.domain.limits.Plan;
import org.junit.jupiter.api.Test;

/** The fakes must behave as the ports' javadoc says, or the domain tests prove nothing. */
class FakesHonourThePortsTest {
  private final TestClock clock = new TestClock();
  private final InMemoryMessages messages = new InMemoryMessages(clock);

  private Message sending(String eventId) {
    var job = new SendJob("dist_1", "email", "cust_1",
        Samples.orderPaid(eventId, Samples.customer("c-1")));
    return Message.sending(job, T0);
  }

  @Test
  void aMessageCanBeClaimedOnlyWhenMissingOrReleased() {
    Message m = sending("evt_1");
    assertThat(messages.claim(m).claimed()).isTrue();
    assertThat(messages.claim(m).claimed()).isFalse();
    messages.release(m.id(), "test");
    assertThat(messages.get(m.id())).get().extracting(Message::status).isEqualTo(MessageStatus.QUEUED);
    assertThat(messages.claim(m).claimed()).isTrue();
    messages.finish(m.id(), MessageStatus.SENT, null, "p-1");
    assertThat(messages.claim(m).claimed()).isFalse();
  }

  @Test
  void releaseGivesBackOnlyASendingMessage() {
    Message m = sending("evt_1");
    messages.claim(m);
    messages.finish(m.id(), MessageStatus.SENT, null, "p-1");
    messages.release(m.id(), "test");
    assertThat(messages.get(m.id())).get().extracting(Message::status).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void failUnlessFinishedChangesOnlyQueuedSendingOrMissingMessages() {
    Message missing = sending("evt_1");
    assertThat(messages.failUnlessFinished(missing, "r").claimed()).isTrue();
    assertThat(messages.get(missing.id())).get().extracting(Message::status).isEqualTo(MessageStatus.FAILED);

    Message queued = sending("evt_2");
    messages.claim(queued);
    messages.release(queued.id(), "test");
    assertThat(messages.failUnlessFinished(queued, "r").claimed()).isTrue();

    for (MessageStatus done : MessageStatus.values()) {
      if (!done.finished()) continue;
      Message m = sending("evt_" + done);
      messages.claim(m);
      messages.finish(m.id(), done, null, null);
      assertThat(messages.failUnlessFinished(m, "r").claimed()).as(done.name()).isFalse();
      assertThat(messages.get(m.id())).get().extracting(Message::status).isEqualTo(done);
    }
  }

  @Test
  void forDistributionPagesThroughItsMessagesOnly() {
    for (int i = 0; i < 3; i++) messages.claim(sending("evt_" + i));
    var other = Message.sending(new SendJob("dist_2", "email", "cust_1",
        Samples.orderPaid("evt_x", Samples.customer("c-1"))), T0);
    messages.claim(other);

    var first = messages.forDistribution("dist_1", null, 2);
    var second = messages.forDistribution("dist_1", first.next(), 2);
    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(1);
    assertThat(second.next()).isNull();
  }

  @Test
  void replaceChecksTheExpectedVersionAndActiveForOnlyGivesActiveOnesOfThatType() {
    var distributions = new InMemoryDistributions();
    var draft = Samples.distribution("d1", DistributionStatus.DRAFT, Samples.orderPaid());
    distributions.create(draft);
    distributions.create(Samples.distribution("d2", DistributionStatus.ACTIVE, Samples.custom("signup")));
    distributions.create(Samples.distribution("d3", DistributionStatus.PAUSED, Samples.orderPaid()));
    var active = draft.moveTo(DistributionStatus.ACTIVE, T0);

    assertThat(distributions.replace(active, 2)).isFalse();
    assertThat(distributions.activeFor(Samples.ORDER_PAID)).isEmpty();
    assertThat(distributions.replace(active, 1)).isTrue();
    assertThat(distributions.activeFor(Samples.ORDER_PAID)).extracting(d -> d.id()).containsExactly("d1");
  }

  @Test
  void eventKeysClaimOnceUntilReleased() {
    var keys = new InMemoryEventKeys();
    assertThat(keys.claim("k")).isTrue();
    assertThat(keys.claim("k")).isFalse();
    keys.release("k");
    assertThat(keys.claim("k")).isTrue();
  }

  @Test
  void accountSettingsStartWithTheirPlanAndKeepWhatIsSaved() {
    LimitsPortsContract.settingsStartWithTheDefaultPlanAndKeepWhatIsSaved(new InMemoryAccountSettings(Plan.TRIAL),
        Plan.TRIAL);
  }

  @Test
  void usageReservationsStopAtTheLimitCountOncePerMessageAndComeBack() {
    LimitsPortsContract.reservationsStopAtTheLimitCountOncePerMessageAndComeBack(new InMemoryUsageCounters());
  }

  @Test
  void aRetriedReservationKeepsItsFirstPeriodsAndLimits() {
    LimitsPortsContract.aRetryKeepsItsFirstPeriodsAndLimits(new InMemoryUsageCounters());
  }

  @Test
  void aRefusedReservationGivesBackWhatItTookOnOtherCounters() {
    LimitsPortsContract.aRefusalGivesBackTheUnitsTakenOnOtherCounters(new InMemoryUsageCounters());
  }

  @Test
  void aLimitCountsOnlyWhatWasSentWhileItAppliedWhenThePlanChangesMidPeriod() {
    LimitsPortsContract.aLimitCountsOnlyWhatWasSentWhileItApplied(new InMemoryUsageCounters());
  }

  @Test
  void customersReadTogetherAreTheOnesReadOneByOne() {
    CustomersPortContract.customersReadTogetherAreTheOnesReadOneByOne(new InMemoryCustomers());
    InMemoryCustomers customers = new InMemoryCustomers();
    CustomersPortContract.behaviourSavesMarkOnlyWhenAsked(customers, customers);
  }

  @Test
  void aBatchOfSendsCountsAsEachOneAlone() {
    LimitsPortsContract.aBatchOfSendsCountsAsEachOneAlone(new InMemoryUsageCounters());
  }

  @Test
  void rateWindowsHandOutTheirCapacityThenPlacesInLine() {
    LimitsPortsContract.aWindowHandsOutItsCapacityThenPlacesInLine(new InMemoryRateWindows());
  }

  @Test
  void rateWindowsHandOutSeveralTokensAtOnceAndTakeBackTheUnused() {
    LimitsPortsContract.aWindowHandsOutSeveralTokensAtOnceAndTakesBackTheUnused(new InMemoryRateWindows());
  }
}
