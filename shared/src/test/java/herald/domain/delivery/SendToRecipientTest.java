package herald.domain.delivery;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CampaignSettings;
import herald.domain.campaigns.CampaignType;
import herald.domain.campaigns.PromotionTier;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.email.Email;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.sms.Sms;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.customers.Customer;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.FakeLimits;
import herald.domain.fakes.InMemoryBrandSettings;
import herald.domain.fakes.InMemoryCampaigns;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.InMemoryStatusCounters;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.fakes.NoCodes;
import herald.domain.fakes.RecordingEmailSender;
import herald.domain.fakes.RecordingSendQueue;
import herald.domain.fakes.RecordingSmsSender;
import herald.domain.fakes.RecordingWebhookSender;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.testing.TestChannels;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SendToRecipientTest {
  private final TestClock clock = new TestClock();
  private final InMemoryMessages messages = new InMemoryMessages(clock);
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemoryBrandSettings brand = new InMemoryBrandSettings();
  private final RecordingEmailSender provider = new RecordingEmailSender();
  private final InMemorySuppressions suppressions = new InMemorySuppressions();
  private final InMemoryStatusCounters stats = new InMemoryStatusCounters();
  private final RecordingSmsSender sms = new RecordingSmsSender();
  private final RecordingWebhookSender webhooks = new RecordingWebhookSender();
  private final InMemoryCampaigns campaigns = new InMemoryCampaigns();
  private final RecordingSendQueue queue = new RecordingSendQueue();
  private final SendToRecipient send = sender(brand);

  private SendToRecipient sender(InMemoryBrandSettings brandSettings) {
    ChannelKinds kinds = TestChannels.with().email(provider).sms(sms).webhooks(webhooks).suppressions(suppressions)
        .clock(clock).build();
    PrepareMessage prepare = new PrepareMessage(distributions, customers, brandSettings,
        new UnsubscribeLinks("test-signing-key-0123456789", "https://herald.test"), kinds,
        NoCodes.scope(clock, campaigns));
    return new SendToRecipient(messages, prepare, kinds, stats, NoCodes.escrow(messages, clock),
        FakeLimits.unlimited(kinds, clock), queue, clock);
  }

  private final Customer ada = Samples.customer("src-ada", "Ada", "ada@mail.example");
  private final TriggerEvent paid = Samples.orderPaid("evt_1", ada);
  private final SendJob job = new SendJob("dist_1", "email", ada.id(), paid);

  @BeforeEach
  void aReadyToSendWorld() {
    brand.save(Samples.brand());
    customers.put(ada);
  }

  private void activeDistribution(EmailChannel channel) {
    distributions.create(Samples.active("dist_1", channel));
  }

  private Message stored(SendJob job) {
    return messages.get(job.messageId()).orElseThrow();
  }

  private Email sendOne(EmailChannel channel, Customer customer, TriggerEvent event) {
    customers.put(customer);
    distributions.create(Samples.active("dist_r", channel));
    send.handle(new SendJob("dist_r", "email", customer.id(), event));
    assertThat(provider.sent()).hasSize(1);
    return provider.sent().getFirst();
  }

  @Test
  void aBatchWritesStatusesAtOnceAndItsCountsWhenClosed() {
    activeDistribution(Samples.email());
    Customer bob = Samples.customer("src-bob", "Bob", "bob@mail.example");
    customers.put(bob);
    SendJob toBob = new SendJob("dist_1", "email", bob.id(), Samples.orderPaid("evt_2", bob));

    SendJob toNobody = new SendJob("dist_1", "email", "cust_gone", Samples.orderPaid("evt_3", bob));
    try (SendBatch batch = send.batch(List.of(job, toBob, toNobody))) {
      assertThat(batch.handle(job)).contains(MessageStatus.SENT);
      assertThat(batch.handle(toBob)).contains(MessageStatus.SENT);
      assertThat(batch.handle(toNobody)).contains(MessageStatus.SKIPPED);
      assertThat(batch.handle(job)).isEmpty();
      assertThat(stored(toBob).status()).isEqualTo(MessageStatus.SENT);
      assertThat(stats.of("dist_1")).isEmpty();
    }

    assertThat(stats.of("dist_1").get("email")).containsEntry(MessageStatus.SENT, 2L)
        .containsEntry(MessageStatus.SKIPPED, 1L).containsEntry(MessageStatus.SENDING, 0L);
    assertThat(provider.sendCount()).isEqualTo(2);
  }

  @Test
  void aBatchCountsAReleasedMessageBackInTheQueue() {
    activeDistribution(Samples.email());
    provider.failNext(DeliveryFailure.transientFailure("throttled", null));

    try (SendBatch batch = send.batch()) {
      assertThatThrownBy(() -> batch.handle(job)).isInstanceOf(DeliveryFailure.class);
    }

    assertThat(stored(job).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(stats.of("dist_1").get("email")).containsEntry(MessageStatus.QUEUED, 1L)
        .containsEntry(MessageStatus.SENDING, 0L);
  }

  @Test
  void aDistributionPausedDuringABatchStopsSendingFromTheNextBatch() {
    activeDistribution(Samples.email());
    Customer bob = Samples.customer("src-bob", "Bob", "bob@mail.example");
    customers.put(bob);
    try (SendBatch batch = send.batch()) {
      assertThat(batch.handle(job)).contains(MessageStatus.SENT);
      Distribution active = distributions.get("dist_1").orElseThrow();
      distributions.replace(active.moveTo(DistributionStatus.PAUSED, T0), active.version());
    }

    try (SendBatch next = send.batch()) {
      assertThat(next.handle(new SendJob("dist_1", "email", bob.id(), Samples.orderPaid("evt_2", bob))))
          .contains(MessageStatus.SKIPPED);
    }
  }

  @Test
  void sendsOnceAndRecordsSentWithTheProviderId() {
    activeDistribution(Samples.email());

    assertThat(send.handle(job)).contains(MessageStatus.SENT);

    assertThat(provider.sendCount()).isEqualTo(1);
    Message message = stored(job);
    assertThat(message.status()).isEqualTo(MessageStatus.SENT);
    assertThat(message.providerId()).isEqualTo("prov-1");
    assertThat(message.reason()).isNull();
    assertThat(message.distributionId()).isEqualTo("dist_1");
    assertThat(message.eventId()).isEqualTo("evt_1");
    assertThat(message.customerId()).isEqualTo(ada.id());
    assertThat(message.channel()).isEqualTo("email");
  }

  @Test
  void sendsFromTheBrandToTheCustomerUnderTheMessageId() {
    activeDistribution(Samples.email());

    send.handle(job);

    Email email = provider.sent().getFirst();
    assertThat(email.fromName()).isEqualTo("Acme Shop");
    assertThat(email.fromAddress()).isEqualTo("hello@acme.example");
    assertThat(email.to()).isEqualTo("ada@mail.example");
    assertThat(email.messageId()).isEqualTo(job.messageId());
  }

  @Test
  void aSecondDeliveryOfTheSameJobSendsNothing() {
    activeDistribution(Samples.email());
    send.handle(job);

    assertThat(send.handle(job)).isEmpty();
    assertThat(send.handle(new SendJob("dist_1", "email", ada.id(), paid))).isEmpty();

    assertThat(provider.attempts()).isEqualTo(1);
    assertThat(stored(job).status()).isEqualTo(MessageStatus.SENT);
    assertThat(stored(job).providerId()).isEqualTo("prov-1");
  }

  @Test
  void aJobWhoseEarlierDeliveryStoppedBeforeCallingTheProviderIsSentOnce() {
    activeDistribution(Samples.email());
    messages.claim(Message.sending(job, T0));
    clock.advance(InMemoryMessages.LEASE.plusSeconds(1));

    assertThat(send.handle(job)).contains(MessageStatus.SENT);
    assertThat(send.handle(job)).isEmpty();

    assertThat(provider.attempts()).isEqualTo(1);
  }

  @Test
  void aJobWhoseMessageAnotherDeliveryIsSendingComesBackLaterAndSendsNothingNow() {
    activeDistribution(Samples.email());
    messages.claim(Message.sending(job, T0));

    assertThatThrownBy(() -> send.handle(job)).isInstanceOfSatisfying(DeliveryFailure.class,
        failure -> assertThat(failure.permanent()).isFalse());

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).status()).isEqualTo(MessageStatus.SENDING);
  }

  @Test
  void anEmailWhoseEarlierDeliveryStoppedAfterCallingTheProviderIsNeverSentAgain() {
    activeDistribution(Samples.email());
    messages.claim(Message.sending(job, T0));
    messages.calling(job.messageId());
    clock.advance(InMemoryMessages.LEASE.plusSeconds(1));

    assertThat(send.handle(job)).contains(MessageStatus.FAILED);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).reason()).isEqualTo("outcome_unknown");
    assertThat(stats.count("dist_1", "email", MessageStatus.FAILED)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = DistributionStatus.class, names = {"PAUSED", "ARCHIVED", "DRAFT"})
  void skipsAsDistributionStoppedWhenTheDistributionIsNotActive(DistributionStatus status) {
    distributions.create(Samples.distribution("dist_1", status, Samples.orderPaid()));

    assertThat(send.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(stored(job).reason()).isEqualTo("distribution_stopped");
  }

  @Test
  void skipsAsDistributionStoppedWhenTheDistributionWasDeleted() {
    assertThat(send.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).reason()).isEqualTo("distribution_stopped");
  }

  @Test
  void skipsWithNoAddressWhenTheCustomerIsUnknown() {
    activeDistribution(Samples.email());
    Customer stranger = Samples.customer("src-unknown");
    SendJob toStranger = new SendJob("dist_1", "email", stranger.id(), Samples.orderPaid("evt_1", stranger));

    assertThat(send.handle(toStranger)).contains(MessageStatus.SKIPPED);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(toStranger).reason()).isEqualTo("no_address");
  }

  @Test
  void skipsWithNoAddressWhenTheCustomerHasNoEmail() {
    activeDistribution(Samples.email());
    customers.put(Samples.customer("src-ada", "Ada", null));

    assertThat(send.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(stored(job).reason()).isEqualTo("no_address");
  }

  @Test
  void skipsWithMissingBrandDetailsWhenNoBrandIsSet() {
    activeDistribution(Samples.email());
    InMemoryBrandSettings noBrand = new InMemoryBrandSettings();
    SendToRecipient withoutBrand = sender(noBrand);

    assertThat(withoutBrand.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).reason()).isEqualTo("missing_brand_details");
  }

  @Test
  void aSkippedJobStaysSkippedWhenRedelivered() {
    distributions.create(Samples.distribution("dist_1", DistributionStatus.PAUSED, Samples.orderPaid()));
    send.handle(job);
    distributions.replace(distributions.get("dist_1").orElseThrow().moveTo(DistributionStatus.ACTIVE, T0), 1);

    assertThat(send.handle(job)).isEmpty();

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).status()).isEqualTo(MessageStatus.SKIPPED);
  }

  @Test
  void aPermanentFailureRecordsFailedWithItsReasonAndDoesNotThrow() {
    activeDistribution(Samples.email());
    provider.failNext(DeliveryFailure.permanent("address_rejected", null));

    assertThat(send.handle(job)).contains(MessageStatus.FAILED);

    assertThat(stored(job).status()).isEqualTo(MessageStatus.FAILED);
    assertThat(stored(job).reason()).isEqualTo("address_rejected");
    assertThat(messages.releases()).isZero();
    assertThat(send.handle(job)).isEmpty();
    assertThat(provider.attempts()).isEqualTo(1);
  }

  @Test
  void aTransientFailureReleasesTheClaimAndThrowsSoTheRedeliverySends() {
    activeDistribution(Samples.email());
    DeliveryFailure throttled = DeliveryFailure.transientFailure("throttled", null);
    provider.failNext(throttled);

    assertThatThrownBy(() -> send.handle(job)).isSameAs(throttled);
    assertThat(stored(job).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(provider.sendCount()).isZero();

    clock.advance(Duration.ofSeconds(30));
    assertThat(send.handle(job)).contains(MessageStatus.SENT);

    assertThat(provider.sendCount()).isEqualTo(1);
    assertThat(stored(job).status()).isEqualTo(MessageStatus.SENT);
    assertThat(stored(job).providerId()).isEqualTo("prov-1");
  }

  @Test
  void aKindTooBusyToCallItsProviderQueuesTheJobAgainWithoutSpendingATry() {
    activeDistribution(Samples.email());
    provider.failNext(DeliveryFailure.busy("mailchimp_busy", Duration.ofSeconds(7)));

    assertThat(send.handle(job)).contains(MessageStatus.QUEUED);

    assertThat(stored(job).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(queue.jobs()).containsExactly(job);
    assertThat(queue.delays()).containsExactly(Duration.ofSeconds(7));
    assertThat(send.handle(job)).as("the queued job sends, not found in doubt").contains(MessageStatus.SENT);
    assertThat(provider.sendCount()).isEqualTo(1);
  }

  @Test
  void anUnexpectedProviderErrorReleasesTheClaimAndThrows() {
    activeDistribution(Samples.email());
    IllegalStateException broken = new IllegalStateException("connection reset");
    provider.failNext(broken);

    assertThatThrownBy(() -> send.handle(job)).isSameAs(broken);

    assertThat(stored(job).status()).isEqualTo(MessageStatus.SENDING);
    clock.advance(InMemoryMessages.LEASE.plusSeconds(1));
    assertThat(send.handle(job)).contains(MessageStatus.FAILED);
    assertThat(stored(job).reason()).isEqualTo("outcome_unknown");
    assertThat(provider.attempts()).isEqualTo(1);
  }

  @Test
  void aFailureWhileLoadingReleasesTheClaimAndRethrows() {
    activeDistribution(Samples.email());
    RuntimeException storeDown = new RuntimeException("customers table unavailable");
    customers.failReads(storeDown, 1);

    assertThatThrownBy(() -> send.handle(job)).isSameAs(storeDown);

    assertThat(provider.attempts()).isZero();
    assertThat(stored(job).status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(send.handle(job)).contains(MessageStatus.SENT);
    assertThat(provider.sendCount()).isEqualTo(1);
  }

  @Test
  void rendersSubjectAndTextAsWrittenButEscapesHtml() {
    Email email = sendOne(new EmailChannel("Hi {{customer.name}}", "<p>Hi {{customer.name}}</p>",
        "Hi {{customer.name}}"), Samples.customer("src-b", "<b>Bob</b> & Co", "bob@mail.example"),
        Samples.orderPaid("evt_2", Samples.customer("src-b")));

    assertThat(email.subject()).isEqualTo("Hi <b>Bob</b> & Co");
    assertThat(withoutFooter(email.text())).isEqualTo("Hi <b>Bob</b> & Co");
    assertThat(withoutFooter(email.html())).isEqualTo("<p>Hi &lt;b&gt;Bob&lt;/b&gt; &amp; Co</p>");
  }

  @Test
  void rendersCustomerAndEventVariables() {
    Customer bob = new Customer(Customer.idFor("src-b"), "src-b", "Bob", "bob@mail.example", "+447700900234",
        Map.of("tier", "gold"), T0, T0);
    TriggerEvent signup = Samples.event("evt_9", Samples.CUSTOM, bob, Map.of("event", "signup", "plan", "pro"));

    Email email = sendOne(new EmailChannel("{{event.name}} for {{customer.source_id}}",
        null, "{{customer.id}}|{{customer.email}}|{{customer.phone}}|{{customer.metadata.tier}}|"
            + "{{event.id}}|{{event.type}}|{{event.created_at}}|{{event.data.plan}}"), bob, signup);

    assertThat(email.subject()).isEqualTo("signup for src-b");
    assertThat(withoutFooter(email.text())).isEqualTo(bob.id() + "|bob@mail.example|+447700900234|gold|evt_9|customer.custom_event|"
        + "2025-03-01T10:00:00Z|pro");
    assertThat(email.html()).isNull();
  }

  @Test
  void rendersBrandOrderAndWhatTheEventGivesTheAction() {
    Customer bob = Samples.customer("src-b", "Bob", "bob@mail.example");
    customers.put(bob);
    distributions.create(new Distribution("dist_g", "Gift", null, DistributionStatus.ACTIVE,
        new Trigger("customer.voucher.gift.balance_added", Map.of()), Audience.eventCustomer(),
        Action.of(ActionType.GIFT_CREDITS), List.of(new EmailChannel("{{gift.amount}} added",
        null, "{{gift.balance}} on {{gift.code}} from {{brand.sender_name}}, {{brand.postal_address}}")), 1, T0, T0));
    TriggerEvent added = Samples.event("evt_g", "customer.voucher.gift.balance_added", bob,
        Map.of("balance", Map.of("amount", 500, "total", 2500), "voucher", Map.of("code", "GIFT-1")));

    send.handle(new SendJob("dist_g", "email", bob.id(), added));

    Email email = provider.sent().getFirst();
    assertThat(email.subject()).isEqualTo("500 added");
    assertThat(withoutFooter(email.text())).isEqualTo("2500 on GIFT-1 from Acme Shop, 1 Main Street, Springfield");
  }

  @Test
  void rendersTheOrderOfAnOrderEvent() {
    Email email = sendOne(new EmailChannel("Order {{order.id}}", null, "{{#order.items}}{{name}};{{/order.items}}"),
        ada, Samples.event("evt_o", Samples.ORDER_PAID, ada,
            Map.of("order", Map.of("id", "ord_7", "items", List.of(Map.of("name", "Tea"), Map.of("name", "Cup"))))));

    assertThat(email.subject()).isEqualTo("Order ord_7");
    assertThat(withoutFooter(email.text())).isEqualTo("Tea;Cup;");
  }

  @Test
  void failsAPublishCodeJobWhoseCampaignIsGoneWithoutSending() {
    distributions.create(new Distribution("dist_1", "Codes", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), new Action(ActionType.PUBLISH_CODE, "camp_1", null), List.of(Samples.email()), 1,
        T0, T0));

    assertThat(send.handle(job)).contains(MessageStatus.FAILED);

    assertThat(stored(job).reason()).isEqualTo("unknown_campaign");
    assertThat(provider.attempts()).isZero();
  }

  private static final String SPRING = "camp_" + "5".repeat(32);

  private void promotion(String campaignId, String tierId, String text) {
    campaigns.create(Campaign.create(SPRING, new CampaignSettings("Spring sale", CampaignType.PROMOTION, null, null,
        false, null, false, null, List.of(new PromotionTier("gold", "Gold", "20% off", "On every order over 50"))),
        T0));
    distributions.create(new Distribution("dist_1", "Promotion", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), new Action(ActionType.NOTIFY_PROMOTION, campaignId, tierId),
        List.of(new EmailChannel("{{promotion_tier.name}}", null, text)), 1, T0, T0));
  }

  @Test
  void sendsTheDetailsOfTheTierANotifyPromotionNames() {
    promotion(SPRING, "gold", "{{campaign.name}}: {{promotion_tier.banner}}. {{promotion_tier.description}}"
        + " ({{promotion_tier.id}} of {{promotion_tier.campaign_id}})");

    assertThat(send.handle(job)).contains(MessageStatus.SENT);

    Email sent = provider.sent().getFirst();
    assertThat(sent.subject()).isEqualTo("Gold");
    assertThat(sent.text()).startsWith("Spring sale: 20% off. On every order over 50 (gold of " + SPRING + ")\n");
  }

  @Test
  void failsANotifyPromotionWhoseTierOrCampaignIsGoneWithoutSending() {
    promotion(SPRING, "silver", "{{promotion_tier.name}}");
    assertThat(send.handle(job)).contains(MessageStatus.FAILED);
    assertThat(stored(job).reason()).isEqualTo("unknown_promotion_tier");

    campaigns.delete(SPRING);
    distributions.delete("dist_1", 1);
    promotion(null, "gold", "{{promotion_tier.name}}");   // stored before notify_promotion named its campaign
    SendJob again = new SendJob("dist_1", "email", ada.id(), Samples.orderPaid("evt_2", ada));
    assertThat(send.handle(again)).contains(MessageStatus.FAILED);
    assertThat(stored(again).reason()).isEqualTo("unknown_campaign");
    assertThat(provider.attempts()).isZero();
  }

  @Test
  void skipsAsDistributionStoppedWhenTheChannelWasRemovedSinceTheJobWasQueued() {
    distributions.create(new Distribution("dist_1", "Sms only", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(new SmsChannel("Hi", null, null)), 1,
        T0, T0));

    assertThat(send.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(stored(job).reason()).isEqualTo("distribution_stopped");
    assertThat(provider.attempts()).isZero();
  }

  @Test
  void collapsesNewlinesInARenderedSubject() {
    Email email = sendOne(new EmailChannel("Order {{event.data.order_id}} paid", "<p>x</p>", null),
        ada, Samples.event("evt_3", Samples.ORDER_PAID, ada, Map.of("order_id", "1\r\nBcc: x@evil.example")));

    assertThat(email.subject()).isEqualTo("Order 1 Bcc: x@evil.example paid");
  }

  @Test
  void stripsNewlinesAroundARenderedSubject() {
    Email email = sendOne(new EmailChannel("{{event.data.title}}", "<p>x</p>", null),
        ada, Samples.event("evt_4", Samples.ORDER_PAID, ada, Map.of("title", "\nYour order\n")));

    assertThat(email.subject()).isEqualTo("Your order");
  }

  @Test
  void aJobWhoseHandlerDiedAfterClaimingStillEndsInATerminalStatus() {
    activeDistribution(Samples.email());
    messages.claim(Message.sending(job, T0));
    clock.advance(Duration.ofMinutes(30));

    send.handle(job);

    assertThat(stored(job).status().finished()).as("status %s", stored(job).status()).isTrue();
    assertThat(provider.attempts()).isLessThanOrEqualTo(1);
  }

  @Test
  void anEmailEndsWithTheBrandsAddressAndASignedUnsubscribeLinkAlsoInItsHeaders() {
    activeDistribution(Samples.email());

    send.handle(job);

    Email email = provider.sent().get(0);
    UnsubscribeLinks links = new UnsubscribeLinks("test-signing-key-0123456789", "https://herald.test");
    assertThat(email.unsubscribeUrl()).isEqualTo(links.urlFor(ada.id())).startsWith("https://herald.test/v1/unsubscribe?");
    assertThat(email.text()).contains("1 Main Street").contains("Unsubscribe: " + email.unsubscribeUrl());
    assertThat(email.html()).contains("1 Main Street").contains(">Unsubscribe</a>");
  }

  @Test
  void skipsAnEmailToACustomerWhoRevokedEmailConsent() {
    activeDistribution(Samples.email());
    customers.put(withConsent(ada, "email", false));

    assertThat(send.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(stored(job).reason()).isEqualTo("no_consent");
    assertThat(provider.attempts()).isZero();
  }

  @Test
  void skipsAnEmailToASuppressedAddressWhateverItsCase() {
    activeDistribution(Samples.email());
    suppressions.add(ada.email().toUpperCase(java.util.Locale.ROOT), "bounce", T0);

    assertThat(send.handle(job)).contains(MessageStatus.SKIPPED);

    assertThat(stored(job).reason()).isEqualTo("suppressed");
  }

  @Test
  void aBatchAsksTheSuppressionListOnceForAllItsEmails() {
    activeDistribution(Samples.email());
    Customer bob = Samples.customer("src-bob", "Bob", "bob@mail.example");
    Customer cara = Samples.customer("src-cara", "Cara", "cara@mail.example");
    customers.put(bob);
    customers.put(cara);
    suppressions.add(bob.email().toUpperCase(java.util.Locale.ROOT), "bounce", T0);
    List<SendJob> jobs = List.of(job, new SendJob("dist_1", "email", bob.id(), Samples.orderPaid("evt_2", bob)),
        new SendJob("dist_1", "email", cara.id(), Samples.orderPaid("evt_3", cara)));

    try (SendBatch batch = send.batch(jobs)) {
      assertThat(jobs.stream().map(batch::handle).map(Optional::orElseThrow))
          .containsExactly(MessageStatus.SENT, MessageStatus.SKIPPED, MessageStatus.SENT);
    }

    assertThat(stored(jobs.get(1)).reason()).isEqualTo("suppressed");
    assertThat(suppressions.reads()).isEqualTo(1);
    assertThat(provider.sendCount()).isEqualTo(2);
  }

  @Test
  void sendsATextToTheCustomersPhoneUnlessSmsConsentIsRevoked() {
    Customer withPhone = new Customer(ada.id(), ada.sourceId(), ada.name(), ada.email(), "+447700900123",
        ada.metadata(), ada.createdAt(), ada.updatedAt(), java.util.Map.of());
    customers.put(withPhone);
    distributions.create(new Distribution("dist_1", "Sms", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(new SmsChannel("Thanks {{customer.name}}", "transactional", "Acme")), 1, T0, T0));
    SendJob text = new SendJob("dist_1", "sms", ada.id(), paid);

    assertThat(send.handle(text)).contains(MessageStatus.SENT);
    assertThat(sms.sent()).singleElement().satisfies(sent -> {
      assertThat(sent.phone()).isEqualTo("+447700900123");
      assertThat(sent.text()).isEqualTo("Thanks Ada");
      assertThat(sent.smsType()).isEqualTo("transactional");
      assertThat(sent.senderId()).isEqualTo("Acme");
    });

    SendJob again = new SendJob("dist_1", "sms", ada.id(), Samples.orderPaid("evt_2", ada));
    customers.put(withConsent(withPhone, "sms", false));
    assertThat(send.handle(again)).contains(MessageStatus.SKIPPED);
    assertThat(sms.sent()).hasSize(1);
  }

  @Test
  void aWebhookWhoseEnvelopeCannotBeWrittenEndsFailedAtOnceInsteadOfBeingRetried() {
    distributions.create(new Distribution("dist_1", "Hook", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(new WebhookChannel(
            "https://hooks.example.com/x", null, java.util.Map.of(), WebhookPayload.ENVELOPE)), 1, T0, T0));
    Object deep = "bottom";
    for (int i = 0; i < 1100; i++) deep = java.util.Map.of("n", deep);
    customers.put(new Customer(ada.id(), ada.sourceId(), ada.name(), ada.email(), null,
        java.util.Map.of("deep", deep), ada.createdAt(), ada.updatedAt(), java.util.Map.of()));
    SendJob hook = new SendJob("dist_1", "webhook", ada.id(), paid);

    assertThat(send.handle(hook)).contains(MessageStatus.FAILED);

    assertThat(messages.get(hook.messageId()).orElseThrow().reason()).isEqualTo("body_not_serialisable");
    assertThat(webhooks.sent()).isEmpty();
  }

  @Test
  void aWebhookCarriesTheEnvelopeAndIsSentAgainWithTheSameKeyWhenTheOutcomeWasUnknown() {
    distributions.create(new Distribution("dist_1", "Hook", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(new WebhookChannel(
            "https://hooks.example.com/x", "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3", java.util.Map.of("X-Team", "growth"),
            WebhookPayload.ENVELOPE)), 1, T0, T0));
    SendJob hook = new SendJob("dist_1", "webhook", ada.id(), paid);
    messages.claim(Message.sending(hook, T0));
    messages.calling(hook.messageId());
    clock.advance(InMemoryMessages.LEASE.plusSeconds(1));

    assertThat(send.handle(hook)).contains(MessageStatus.SENT);

    WebhookCall call = webhooks.sent().get(0);
    assertThat(call.messageId()).isEqualTo(hook.messageId());
    assertThat(call.secrets()).containsExactly("whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3");
    assertThat(call.headers()).containsEntry("X-Team", "growth");
    assertThat(call.body()).contains(hook.messageId()).contains("dist_1");
  }

  @Test
  void aTransientFailureKeepsItsErrorAndTheCountersFollowEveryMove() {
    activeDistribution(Samples.email());
    provider.failNext(DeliveryFailure.transientFailure("throttled", null));

    assertThatThrownBy(() -> send.handle(job)).isInstanceOf(DeliveryFailure.class);
    assertThat(stats.count("dist_1", "email", MessageStatus.QUEUED)).isEqualTo(1);
    assertThat(stats.count("dist_1", "email", MessageStatus.SENDING)).isZero();

    send.handle(job);
    assertThat(stats.count("dist_1", "email", MessageStatus.QUEUED)).isZero();
    assertThat(stats.count("dist_1", "email", MessageStatus.SENT)).isEqualTo(1);
  }

  private static Customer withConsent(Customer c, String channel, boolean granted) {
    return new Customer(c.id(), c.sourceId(), c.name(), c.email(), c.phone(), c.metadata(), c.createdAt(),
        c.updatedAt(), java.util.Map.of(channel, new herald.domain.customers.Consent(granted, T0)));
  }

  /** The body as the template rendered it, without the footer (postal address, unsubscribe link) the sender adds. */
  private static String withoutFooter(String body) {
    if (body == null) return null;
    int text = body.indexOf("\n\n--\n");
    int html = body.indexOf("\n<p style=");
    int cut = text >= 0 ? text : html;
    return cut >= 0 ? body.substring(0, cut) : body;
  }
}
