package herald.domain.channels.intercom;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Refusal;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryIntegrations;
import herald.domain.fakes.InMemorySecretStore;
import herald.domain.fakes.RecordingIntercomApi;
import herald.domain.fakes.Samples;
import herald.domain.integrations.Integration;
import herald.domain.integrations.LoadIntegration;
import herald.domain.templates.TemplateScope;
import herald.domain.templates.Templates;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntercomKindTest {
  private static final Instant EVENT_TIME = Instant.parse("2025-03-01T10:00:07Z");
  private final InMemoryIntegrations integrations = InMemoryIntegrations.examples();
  private final InMemorySecretStore secrets = new InMemorySecretStore();
  private final RecordingIntercomApi api = new RecordingIntercomApi();
  private final IntercomKind kind = new IntercomKind(new Templates(), () -> integrations,
      () -> new LoadIntegration(integrations, secrets, Map.of("intercom", new IntercomCredentials())), () -> api);
  private final Customer ada = new Customer(Customer.idFor("src-ada"), "src-ada", "Ada", "ada@mail.example",
      "+447700900123", Map.of("tier", "gold"), Samples.T0, Samples.T0);

  IntercomKindTest() {
    secrets.put(Integration.secretName("int_example_intercom"), Map.of("access_token", "tok", "region", "eu"));
  }

  @Test
  void aPublishCodeEventIsNamedAfterTheDistributionAtTheTriggersTimeAndCarriesTheCode() {
    IntercomEvent event = (IntercomEvent) kind.render(new IntercomChannel("int_example_intercom", null, null),
        context("publish_code", publishCode()));

    assertThat(event.access().baseUrl()).isEqualTo("https://api.eu.intercom.io");
    assertThat(event.access().credential("access_token")).isEqualTo("tok");
    assertThat(event.contact()).isEqualTo(new IntercomEvent.Contact("src-ada", "Ada", "ada@mail.example",
        "+447700900123"));
    assertThat(event.eventName()).isEqualTo("Welcome codes");
    assertThat(event.createdAt()).isEqualTo(EVENT_TIME.getEpochSecond());
    assertThat(event.metadata()).containsExactly(Map.entry("herald_code", "WELCOME-7K2P"),
        Map.entry("herald_campaign_id", "camp_1"), Map.entry("herald_campaign_name", "Welcome"),
        Map.entry("herald_expiration_date", Instant.parse("2030-12-31T23:59:59Z").getEpochSecond()),
        Map.entry("herald_message_id", "msg_1"), Map.entry("herald_distribution_id", "dist_1"),
        Map.entry("herald_event_type", "customer.order.paid"));
    assertThat(event.metadata().toString()).doesNotContain("ada@", "Ada", "+44");
  }

  @Test
  void aGiftsDefaultsAreItsValuesAndTheSameMessageRendersTheSameEvent() {
    Map<String, Object> gift = new LinkedHashMap<>();
    gift.put("amount", 2500);
    gift.put("balance", 10000);
    gift.put("code", "GIFT-1");
    MessageContext context = context("gift_credits", Map.of("gift", gift));

    IntercomEvent once = (IntercomEvent) kind.render(new IntercomChannel("int_example_intercom", null, null), context);
    IntercomEvent again = (IntercomEvent) kind.render(new IntercomChannel("int_example_intercom", null, null),
        context);

    assertThat(once.metadata()).containsEntry("herald_amount", 2500).containsEntry("herald_balance", 10000)
        .containsEntry("herald_code", "GIFT-1");
    assertThat(again).as("a resend is the identical event Intercom ignores").isEqualTo(once);
  }

  @Test
  void theChannelsOwnNameAndMetadataWinAndLongValuesAreCutTo255Characters() {
    IntercomEvent event = (IntercomEvent) kind.render(new IntercomChannel("int_example_intercom", "got-code",
        Map.of("tier", "{{customer.metadata.tier}}", "long", "x".repeat(300))), context("plain_message", Map.of()));

    assertThat(event.eventName()).isEqualTo("got-code");
    assertThat(event.metadata()).containsOnlyKeys("tier", "long").containsEntry("tier", "gold");
    assertThat((String) event.metadata().get("long")).hasSize(255);
  }

  @Test
  void defaultsKeepAtMostTenKeys() {
    Map<String, Object> many = new LinkedHashMap<>();
    for (int i = 0; i < 15; i++) many.put("f" + i, "v" + i);

    IntercomEvent event = (IntercomEvent) kind.render(new IntercomChannel("int_example_intercom", null, null),
        context("reward_details", Map.of("reward", many)));

    assertThat(event.metadata()).hasSize(10).containsKey("herald_f0").doesNotContainKey("herald_message_id");
  }

  @Test
  void aDeletedIntegrationOrOneStoredWithoutAnIdFailsTheMessageForGood() {
    integrations.delete("int_example_intercom");

    DeliveryFailure gone = catchThrowableOfType(DeliveryFailure.class, () -> kind.render(
        new IntercomChannel("int_example_intercom", null, null), context("plain_message", Map.of())));
    DeliveryFailure none = catchThrowableOfType(DeliveryFailure.class, () -> kind.render(
        new IntercomChannel(null, null, null), context("plain_message", Map.of())));

    assertThat(gone.permanent()).isTrue();
    assertThat(gone.reason()).isEqualTo("integration_not_found");
    assertThat(none.permanent()).isTrue();
    assertThat(none.reason()).isEqualTo("integration_not_found");
  }

  @Test
  void sendsThroughItsApiResendsInDoubtAndKeepsIntercomsRate() {
    IntercomEvent event = (IntercomEvent) kind.render(new IntercomChannel("int_example_intercom", null, null),
        context("plain_message", Map.of()));

    assertThat(kind.send(event)).isEqualTo("contact_1");
    assertThat(api.sent()).containsExactly(event);
    assertThat(kind.inDoubt()).isEqualTo(InDoubt.RESEND);
    assertThat(kind.providerRate()).hasValue(55);
    assertThat(kind.refusal(ada, null)).isEmpty();
  }

  @Test
  void metadataNamesIntercomRefusesAreRefusedWhenSaved() {
    assertRefused(() -> kind.checkForSave(new IntercomChannel("int_example_intercom", null,
        Map.of("order.id", "{{customer.id}}")), "channels[0]."), "invalid_value", "channels[0].metadata.order.id");
    assertRefused(() -> kind.checkForSave(new IntercomChannel("int_example_intercom", null,
        Map.of("$price", "1")), "channels[0]."), "invalid_value", "channels[0].metadata.$price");
    assertThatCode(() -> kind.checkForSave(new IntercomChannel("int_example_intercom", null,
        Map.of("order_id", "1", "plan-name", "2")), "channels[0].")).doesNotThrowAnyException();
  }

  @Test
  void theCatalogueNoLongerSaysItIsNotDelivered() {
    assertThat(kind.description()).doesNotContainIgnoringCase("not delivered")
        .doesNotContain("channel_not_supported");
    assertThat(Refusal.NO_ADDRESS.code()).isEqualTo("no_address");
  }

  private MessageContext context(String action, Map<String, Object> provided) {
    TriggerEvent event = new TriggerEvent("evt_1", "customer.order.paid", EVENT_TIME,
        new TriggerEvent.CustomerRef(ada.id(), ada.sourceId()), Map.of("order_id", "ord_1"));
    Map<String, Object> scope = TemplateScope.of(ada, null, event, provided, null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customer", scope.get("customer"));
    data.putAll(provided);
    return new MessageContext("msg_1", "dist_1", "Welcome codes", action, event, ada, null, scope, data, null,
        EVENT_TIME);
  }

  /** What a publish_code provides, in the order the envelope's data holds it. */
  private static Map<String, Object> publishCode() {
    Map<String, Object> provided = new LinkedHashMap<>();
    provided.put("voucher", voucher());
    provided.put("campaign", Map.of("id", "camp_1", "name", "Welcome"));
    return provided;
  }

  private static Map<String, Object> voucher() {
    Map<String, Object> voucher = new LinkedHashMap<>();
    voucher.put("code", "WELCOME-7K2P");
    voucher.put("campaign_id", "camp_1");
    voucher.put("campaign_name", "Welcome");
    voucher.put("expiration_date", "2030-12-31T23:59:59Z");
    voucher.put("qr_url", "https://herald.example/v1/qr?code=WELCOME-7K2P&s=" + "s".repeat(300));
    return voucher;
  }
}
