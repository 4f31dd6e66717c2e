package herald.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.channels.ChannelKinds;
import herald.domain.channels.DeliveryFailure;
import herald.domain.customers.Customer;
import herald.domain.distributions.DistributionStatus;
import herald.domain.fakes.FakeLimits;
import herald.domain.fakes.InMemoryBrandSettings;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.InMemoryStatusCounters;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.fakes.NoCodes;
import herald.domain.fakes.RecordingEmailSender;
import herald.domain.fakes.RecordingSendQueue;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.limits.Account;
import herald.domain.limits.Counter;
import herald.domain.limits.Plan;
import herald.testing.TestChannels;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender and the plan's limits: units reserved once per message, given back when nothing was sent, paced. */
class LimitsOnSendTest {
  private final TestClock clock = new TestClock();
  private final InMemoryMessages messages = new InMemoryMessages(clock);
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemoryBrandSettings brand = new InMemoryBrandSettings();
  private final RecordingEmailSender provider = new RecordingEmailSender();
  private final RecordingSendQueue queue = new RecordingSendQueue();
  private final ChannelKinds kinds = TestChannels.with().email(provider).suppressions(new InMemorySuppressions())
      .clock(clock).build();
  private final FakeLimits limits = new FakeLimits(Plan.TRIAL, kinds, clock);
  private final SendToRecipient send = new SendToRecipient(messages,
      new PrepareMessage(distributions, customers, brand,
          new UnsubscribeLinks("test-signing-key-0123456789", "https://herald.test"), kinds, NoCodes.scope(clock)),
      kinds, new InMemoryStatusCounters(), NoCodes.escrow(messages, clock), limits.limits, queue, clock);
  private final Customer ada = Samples.customer("src-ada", "Ada", "ada@mail.example");

  @BeforeEach
  void aReadyToSendWorld() {
    brand.save(Samples.brand());
    customers.put(ada);
    distributions.create(Samples.distribution("dist_1", DistributionStatus.ACTIVE, Samples.orderPaid()));
  }

  private SendJob job(int n) {
    return new SendJob("dist_1", "email", ada.id(), Samples.orderPaid("evt_" + n, ada));
  }

  private long sentInTotal() {
    return limits.quota.usage().tallies().get(Counter.TOTAL).sent();
  }

  @Test
  void aTrialSendsTenThenSkipsQuotaExceeded() {
    for (int n = 0; n < 12; n++) send.handle(job(n));

    assertThat(provider.sendCount()).isEqualTo(10);
    assertThat(messages.get(job(11).messageId()).orElseThrow().reason()).isEqualTo("quota_exceeded");
    assertThat(sentInTotal()).isEqualTo(10);
  }

  @Test
  void aPermanentRefusalGivesTheUnitBackAndARetriedFailureKeepsOnlyOne() {
    provider.failNext(DeliveryFailure.permanent("MessageRejected", null));
    send.handle(job(0));
    assertThat(sentInTotal()).as("refused for good: given back").isZero();

    provider.failNext(DeliveryFailure.transientFailure("Throttling", null));
    assertThatThrownBy(() -> send.handle(job(1))).isInstanceOf(DeliveryFailure.class);
    assertThat(sentInTotal()).as("held for the retry").isEqualTo(1);
    send.handle(job(1));
    assertThat(sentInTotal()).as("the retry counts once").isEqualTo(1);
    assertThat(provider.sendCount()).isEqualTo(1);
  }

  @Test
  void aMessageOverItsChannelsRateGoesBackToTheQueueWithADelayKeepingItsUnit() {
    limits.account.save(new Account(Plan.TRIAL, Map.of("email", 1)));

    send.handle(job(0));
    send.handle(job(1));   // takes the next second's token (the pause is instant here)
    assertThat(send.handle(job(2))).contains(MessageStatus.QUEUED);

    assertThat(provider.sendCount()).isEqualTo(2);
    assertThat(queue.jobs()).containsExactly(job(2));
    assertThat(queue.delays()).containsExactly(Duration.ofSeconds(2));
    assertThat(messages.get(job(2).messageId()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(sentInTotal()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(2));
    send.handle(job(2));
    assertThat(provider.sendCount()).isEqualTo(3);
    assertThat(sentInTotal()).as("not counted twice").isEqualTo(3);
  }

  @Test
  void aBatchTakesTheTokensItsMessagesNeedAtOnceAndWaitsForTheNextSecondForTheRest() {
    limits.account.save(new Account(Plan.PAID, Map.of("email", 5)));
    long second = clock.millis() / 1000;
    java.util.List<SendJob> jobs = java.util.stream.IntStream.range(0, 8).mapToObj(this::job).toList();

    try (SendBatch batch = send.batch(jobs)) {
      batch.handle(jobs.get(0));
      assertThat(limits.windows.taken("email", second)).as("the window's 5 in one take").isEqualTo(5);
      jobs.stream().skip(1).forEach(batch::handle);
    }

    assertThat(provider.sendCount()).isEqualTo(8);
    assertThat(limits.windows.taken("email", second)).isEqualTo(5);
    assertThat(limits.windows.taken("email", second + 1)).as("the other 3, the next second").isEqualTo(3);
  }

  @Test
  void aBatchHandsBackTheTokensOfMessagesThatWereNotSent() {
    limits.account.save(new Account(Plan.PAID, Map.of("email", 10)));
    long second = clock.millis() / 1000;
    SendJob nobody = new SendJob("dist_1", "email", "cus_unknown", Samples.orderPaid("evt_9", ada));
    java.util.List<SendJob> jobs = java.util.List.of(job(0), nobody, job(1), job(2));

    try (SendBatch batch = send.batch(jobs)) {
      batch.handle(job(0));
      assertThat(limits.windows.taken("email", second)).isEqualTo(4);
      batch.handle(nobody);
      batch.handle(job(1));
    }

    assertThat(provider.sendCount()).isEqualTo(2);
    assertThat(limits.windows.taken("email", second)).as("the 2 unused handed back").isEqualTo(2);
  }
}
