package herald.domain.channels.braze;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.channels.ChannelFields;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.customers.Customer;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.TemplateVariables;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryIntegrations;
import herald.domain.fakes.InMemorySecretStore;
import herald.domain.fakes.RecordingBrazeApi;
import herald.domain.fakes.Samples;
import herald.domain.integrations.LoadIntegration;
import herald.domain.templates.TemplateScope;
import herald.domain.templates.Templates;
import herald.testing.TestChannels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrazeKindTest {
  private static final Set<String> FIELDS = Set.of("integration_id", "external_id_field", "attributes", "send_event",
      "event_name", "properties", "braze_campaign_id", "braze_canvas_id");
  private final RecordingBrazeApi api = new RecordingBrazeApi();
  private final InMemoryIntegrations integrations = InMemoryIntegrations.examples();
  private final BrazeKind kind = new BrazeKind(new Templates(), () -> integrations,
      () -> new LoadIntegration(integrations, InMemorySecretStore.examples(), Map.of("braze", new BrazeCredentials())),
      () -> api);
  private final Customer ada = new Customer(Customer.idFor("src-ada"), "src-ada", "Ada", "ada@mail.example",
      "+447700900123", Map.of(), Samples.T0, Samples.T0);
  private final TriggerEvent paid = Samples.orderPaid("evt_1", ada);

  @Test
  void aPublishedCodeGoesAsTheHeraldCodeAttributeAndAnEventNamedAfterTheDistributionAtTheEventsTime() {
    BrazeChannel channel = parse(Map.of("integration_id", "int_example_braze"));

    BrazeMessage message = (BrazeMessage) kind.render(channel, publishCode());

    assertThat(message.access().baseUrl()).isEqualTo("https://rest.iad-01.braze.com");
    assertThat(message.access().credential("api_key")).isEqualTo("braze-rest-api-key");
    assertThat(message.externalId()).isEqualTo("src-ada");
    assertThat(message.attributes()).isEqualTo(Map.of("herald_code", "WELCOME-7F3K"));
    assertThat(message.trigger()).isNull();
    assertThat(message.event().name()).isEqualTo("Welcome code");
    assertThat(message.event().time()).isEqualTo(paid.createdAt());
    assertThat(message.event().properties()).containsEntry("herald_code", "WELCOME-7F3K")
        .containsEntry("herald_message_id", "msg_1").containsEntry("herald_distribution_id", "dist_1")
        .containsEntry("herald_event_type", "customer.order.paid")
        .containsEntry("voucher", Map.of("code", "WELCOME-7F3K", "campaign_name", "Welcome"))
        .doesNotContainKey("customer");
  }

  @Test
  void theChannelsOwnAttributesPropertiesAndEventNameRenderOverTheDefaults() {
    BrazeChannel channel = parse(Map.of("integration_id", "int_example_braze", "external_id_field", "id",
        "attributes", Map.of("first_name", "{{customer.name}}", "herald_code", "{{voucher.code}}!"),
        "event_name", "herald_code_sent", "properties", Map.of("greeting", "Hi {{customer.name}}")));

    BrazeMessage message = (BrazeMessage) kind.render(channel, publishCode());

    assertThat(message.externalId()).isEqualTo(ada.id());
    assertThat(message.attributes()).isEqualTo(Map.of("herald_code", "WELCOME-7F3K!", "first_name", "Ada"));
    assertThat(message.event().name()).isEqualTo("herald_code_sent");
    assertThat(message.event().properties()).containsEntry("greeting", "Hi Ada");
  }

  @Test
  void aCampaignTriggerIsTheOneCallWithTheDefaultPropertiesAndNoEvent() {
    BrazeChannel channel = parse(Map.of("integration_id", "int_example_braze", "braze_campaign_id", "cmp-1"));

    BrazeMessage message = (BrazeMessage) kind.render(channel, publishCode());

    assertThat(channel.sendEvent()).isFalse();
    assertThat(message.event()).isNull();
    assertThat(message.path()).isEqualTo("/campaigns/trigger/send");
    assertThat(message.trigger().target()).isEqualTo(BrazeMessage.Target.CAMPAIGN);
    assertThat(message.trigger().id()).isEqualTo("cmp-1");
    assertThat(message.trigger().properties()).containsEntry("herald_code", "WELCOME-7F3K");
    assertThat(message.attributes()).containsEntry("herald_code", "WELCOME-7F3K");
    assertThat(((BrazeMessage) kind.render(parse(Map.of("integration_id", "int_example_braze",
        "braze_canvas_id", "cnv-1")), publishCode())).path()).isEqualTo("/canvas/trigger/send");
  }

  @Test
  void onlyAttributesAloneAreSentAgainInDoubt() {
    assertThat(kind.inDoubt()).as("the catalogue's: the default sends an event").isEqualTo(InDoubt.OUTCOME_UNKNOWN);
    assertThat(kind.inDoubt(parse(Map.of("integration_id", "int_1")))).isEqualTo(InDoubt.OUTCOME_UNKNOWN);
    assertThat(kind.inDoubt(parse(Map.of("integration_id", "int_1", "send_event", false))))
        .isEqualTo(InDoubt.RESEND);
    assertThat(kind.inDoubt(parse(Map.of("integration_id", "int_1", "braze_canvas_id", "cnv-1"))))
        .isEqualTo(InDoubt.OUTCOME_UNKNOWN);
  }

  @Test
  void refusesBothTriggersAnEventWithATriggerAndABadEventName() {
    assertRefused(() -> parse(Map.of("integration_id", "int_1", "braze_campaign_id", "c", "braze_canvas_id", "v")),
        "invalid_value", "channels[].braze_canvas_id");
    assertRefused(() -> parse(Map.of("integration_id", "int_1", "braze_campaign_id", "c", "send_event", true)),
        "invalid_value", "channels[].send_event");
    assertRefused(() -> parse(Map.of("integration_id", "int_1", "send_event", "yes")), "invalid_type",
        "channels[].send_event");
    assertRefused(() -> parse(Map.of("integration_id", "int_1", "event_name", "x".repeat(256))), "too_long",
        "channels[].event_name");
    assertRefused(() -> parse(Map.of("integration_id", "int_1", "event_name", "a\nb")), "invalid_characters",
        "channels[].event_name");
  }

  @Test
  void aChannelStoredBeforeTheEventOptionsReadsBackSendingTheDefaultEvent() {
    BrazeChannel stored = parse(Map.of("integration_id", "int_1", "external_id_field", "source_id",
        "attributes", Map.of("code", "{{voucher.code}}")));

    assertThat(stored).isEqualTo(new BrazeChannel("int_1", "source_id", Map.of("code", "{{voucher.code}}")));
    assertThat(stored.sendEvent()).isTrue();
    assertThat(parse(kind.write(stored))).isEqualTo(stored);
  }

  @Test
  void aChannelWithoutAnIntegrationOrWithAGoneOneFailsForGoodWithoutSending() {
    assertThatThrownBy(() -> kind.render(new BrazeChannel(null, null, null), publishCode()))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.reason()).isEqualTo("integration_not_found"));
    integrations.delete("int_example_braze");
    assertThatThrownBy(() -> kind.render(parse(Map.of("integration_id", "int_example_braze")), publishCode()))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isTrue());
    assertThat(api.sent()).isEmpty();
  }

  @Test
  void sendsThroughItsPortAndAnswersAtMostTheDocumentedRate() {
    BrazeMessage message = (BrazeMessage) kind.render(parse(Map.of("integration_id", "int_example_braze")),
        publishCode());

    kind.send(message);

    assertThat(api.sent()).containsExactly(message);
    assertThat(kind.providerRate()).hasValue(1_000);
  }

  private BrazeChannel parse(Map<String, Object> config) {
    return (BrazeChannel) kind.parse(ChannelFields.of(config, FIELDS));
  }

  private MessageContext publishCode() {
    Map<String, Object> voucher = new LinkedHashMap<>();
    voucher.put("code", "WELCOME-7F3K");
    voucher.put("campaign_name", "Welcome");
    Map<String, Object> scope = TemplateScope.of(ada, Samples.brand(), paid, Map.of("voucher", voucher), null);
    return new MessageContext("msg_1", "dist_1", "Welcome code", "publish_code", paid, ada, Samples.brand(), scope,
        TemplateVariables.envelopeData(ActionType.PUBLISH_CODE, scope), null, paid.createdAt());
  }
}
