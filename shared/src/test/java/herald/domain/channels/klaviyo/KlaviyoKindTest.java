package herald.domain.channels.klaviyo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.channels.ChannelKind;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.customers.Customer;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.TemplateVariables;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryIntegrations;
import herald.domain.fakes.RecordingKlaviyoApi;
import herald.domain.fakes.Samples;
import herald.domain.integrations.Integration;
import herald.domain.templates.TemplateScope;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the Klaviyo kind sends for a message: metric, properties (designed or by default), time, profile, access. */
class KlaviyoKindTest {
  private static final Instant AT = Instant.parse("2026-11-03T09:15:00Z");
  private final RecordingKlaviyoApi api = new RecordingKlaviyoApi();
  private final InMemoryIntegrations integrations = InMemoryIntegrations.examples();
  private final ChannelKind kind = TestChannels.with().klaviyo(api).integrations(integrations).build()
      .get(KlaviyoKind.TYPE);
  private final Customer ada = new Customer(Customer.idFor("src-ada"), "src-ada", "Ada", "ada@mail.example",
      "+447700900123", Map.of("tier", "gold"), Samples.T0, Samples.T0);

  @Test
  void aPublishedCodeGoesAsHeraldCodeWithTheVoucherAndCampaignButNothingOfTheCustomer() {
    KlaviyoEvent event = render(new KlaviyoChannel("int_example_klaviyo", null, null), ActionType.PUBLISH_CODE,
        Map.of("voucher", voucher(), "campaign", Map.of("id", "camp_1", "name", "Welcome")));

    assertThat(event.metric()).as("the distribution's name").isEqualTo("Welcome code");
    assertThat(event.properties()).isEqualTo(Map.of("distribution_id", "dist_k", "event_type",
        "customer.order.paid", "herald_code", "WELCOME-7KQ2ZD", "campaign_id", "camp_1", "campaign_name", "Welcome",
        "expiration_date", "2026-12-31T23:59:59Z", "qr_url", "https://herald.test/v1/qr?code=WELCOME-7KQ2ZD&s=x"));
    assertThat(event.time()).as("the trigger event's time").isEqualTo(AT);
    assertThat(event.messageId()).isEqualTo("msg_k1");
    assertThat(event.profile()).isEqualTo(new KlaviyoProfile("ada@mail.example", "+447700900123", "src-ada"));
    assertThat(event.access().baseUrl()).isEqualTo("https://a.klaviyo.com");
    assertThat(event.access().credential("private_api_key")).isEqualTo("pk_0123456789abcdef");
    assertThat(event.toString()).doesNotContain("ada").doesNotContain("pk_").doesNotContain("WELCOME");
  }

  @Test
  void otherActionsSendWhatTheyProvideFlatAndAPlainMessageOnlyWhereItComesFrom() {
    Map<String, Object> tier = new HashMap<>(Map.of("id", "tier_1", "name", "Gold tier", "campaign_id", "camp_2"));
    tier.put("banner", null);
    KlaviyoEvent promotion = render(new KlaviyoChannel("int_example_klaviyo", "Promotion", Map.of()),
        ActionType.NOTIFY_PROMOTION, Map.of("promotion_tier", tier, "campaign", Map.of("id", "camp_2", "name", "Gold")));
    KlaviyoEvent plain = render(new KlaviyoChannel("int_example_klaviyo", "Hello", Map.of()),
        ActionType.PLAIN_MESSAGE, Map.of());

    assertThat(promotion.properties()).isEqualTo(Map.of("distribution_id", "dist_k", "event_type",
        "customer.order.paid", "promotion_tier_id", "tier_1", "promotion_tier_name", "Gold tier",
        "promotion_tier_campaign_id", "camp_2", "campaign_id", "camp_2", "campaign_name", "Gold"));
    assertThat(plain.properties()).isEqualTo(Map.of("distribution_id", "dist_k", "event_type", "customer.order.paid"));
    assertThat(plain.metric()).isEqualTo("Hello");
  }

  @Test
  void designedPropertiesAreRenderedAndSentInsteadOfTheDefaults() {
    KlaviyoEvent event = render(new KlaviyoChannel("int_example_klaviyo", "Code received",
        Map.of("code", "{{voucher.code}}", "tier", "{{customer.metadata.tier}}")), ActionType.PUBLISH_CODE,
        Map.of("voucher", voucher(), "campaign", Map.of("id", "camp_1", "name", "Welcome")));

    assertThat(event.properties()).isEqualTo(Map.of("code", "WELCOME-7KQ2ZD", "tier", "gold"));
  }

  @Test
  void aMetricNamedAfterALongDistributionIsCutToKlaviyosLimit() {
    String name = "é".repeat(200);

    KlaviyoEvent event = (KlaviyoEvent) kind.render(new KlaviyoChannel("int_example_klaviyo", null, null),
        context(name, ActionType.PLAIN_MESSAGE, Map.of()));

    assertThat(event.metric()).isEqualTo("é".repeat(127));
  }

  @Test
  void aPropertyOverKlaviyosFieldSizeFailsForGoodBeforeAnythingIsSent() {
    Customer big = new Customer(Customer.idFor("src-big"), "src-big", "Big", null, null,
        Map.of("note", "x".repeat(100_001)), Samples.T0, Samples.T0);
    MessageContext context = new MessageContext("msg_k2", "dist_k", "Big", ActionType.PLAIN_MESSAGE.key(),
        Samples.orderPaid("evt_k", big), big, null, TemplateScope.of(big, null, null, Map.of(), null), Map.of(), null, AT);

    assertThatThrownBy(() -> kind.render(new KlaviyoChannel("int_example_klaviyo", null,
        Map.of("note", "{{customer.metadata.note}}")), context))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isTrue();
          assertThat(f.reason()).isEqualTo("property_too_large");
        });
  }

  @Test
  void anIntegrationGoneOrOfAnotherToolFailsTheMessageForGood() {
    integrations.create(new Integration("int_braze", "braze", "b", null, List.of(), 1, Instant.EPOCH, Instant.EPOCH));
    MessageContext context = context("Hello", ActionType.PLAIN_MESSAGE, Map.of());

    assertThatThrownBy(() -> kind.render(new KlaviyoChannel("int_gone", null, null), context))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.reason()).isEqualTo("integration_not_found"));
    assertThatThrownBy(() -> kind.render(new KlaviyoChannel("int_braze", null, null), context))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.reason())
            .isEqualTo("integration_tool_mismatch"));
    assertThatThrownBy(() -> kind.render(new KlaviyoChannel(null, null, null), context))
        .as("a channel stored before integrations, never edited to name one")
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.reason()).isEqualTo("integration_not_found"));
  }

  @Test
  void aCustomerKnownOnlyByTheirSourceIdIsSentWithItAsExternalId() {
    Customer bo = Samples.customer("src-bo", "Bo", null);

    assertThat(kind.refusal(bo, null)).isEmpty();
    assertThat(KlaviyoProfile.of(bo)).contains(new KlaviyoProfile(null, null, "src-bo"));
    assertThatThrownBy(() -> new KlaviyoProfile(" ", null, null)).as("Klaviyo needs one identifier")
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new KlaviyoProfile("ada@mail.example", "+447700900123", "src-ada").toString())
        .doesNotContain("ada").doesNotContain("+44");
  }

  @Test
  void sendsThroughItsApiResendsInDoubtAndPacesToKlaviyosSteadyRate() {
    KlaviyoEvent event = render(new KlaviyoChannel("int_example_klaviyo", null, null), ActionType.PLAIN_MESSAGE,
        Map.of());

    assertThat(kind.send(event)).isEqualTo("202");
    assertThat(api.sent()).containsExactly(event);
    assertThat(kind.inDoubt()).isEqualTo(InDoubt.RESEND);
    assertThat(kind.providerRate()).isEqualTo(OptionalInt.of(58));
    assertThat(kind.description()).doesNotContain("not delivered").doesNotContain("channel_not_supported");
  }

  private KlaviyoEvent render(KlaviyoChannel channel, ActionType action, Map<String, Object> provided) {
    return (KlaviyoEvent) kind.render(channel, context("Welcome code", action, provided));
  }

  private MessageContext context(String distributionName, ActionType action, Map<String, Object> provided) {
    TriggerEvent paid = new TriggerEvent("evt_k", Samples.ORDER_PAID, AT,
        new TriggerEvent.CustomerRef(ada.id(), ada.sourceId()), Map.of());
    Map<String, Object> scope = TemplateScope.of(ada, Samples.brand(), paid, provided, null);
    return new MessageContext("msg_k1", "dist_k", distributionName, action.key(), paid, ada, Samples.brand(), scope,
        TemplateVariables.envelopeData(action, scope), null, AT);
  }

  private static Map<String, Object> voucher() {
    Map<String, Object> voucher = new HashMap<>();
    voucher.put("code", "WELCOME-7KQ2ZD");
    voucher.put("campaign_id", "camp_1");
    voucher.put("campaign_name", "Welcome");
    voucher.put("expiration_date", "2026-12-31T23:59:59Z");
    voucher.put("qr_url", "https://herald.test/v1/qr?code=WELCOME-7KQ2ZD&s=x");
    return voucher;
  }
}
