package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.channels.Channel;
import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.customers.Customer;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.templates.Templates;
import herald.testing.TestChannels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderPreviewTest {
  private final RenderPreview preview = new RenderPreview(TestChannels.kinds(), new Templates(),
      new TestClock());
  private final Customer ada = new Customer(Customer.idFor("src-ada"), "src-ada", "Ada <L>", "ada@mail.example",
      "+447700900234", Map.of("tier", "gold"), T0, T0);

  private static Distribution of(ActionType action, String trigger, Channel... channels) {
    return Distribution.create("dist_p", Drafts.withChannels(action, trigger, channels), T0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> channel(Map<String, Object> preview, String type) {
    return (Map<String, Object>) preview.get(type);
  }

  @Test
  void rendersAnEmailWithSampleValuesForWhatTheActionProvides() {
    Distribution d = of(ActionType.PUBLISH_CODE, "customer.order.paid", new EmailChannel(
        "{{customer.name}}, your code", "<p>{{voucher.code}} from {{brand.sender_name}}</p>",
        "{{voucher.code}} / {{voucher.campaign_id}} / {{event.type}}"));

    Map<String, Object> email = channel(preview.render(d, ada, Samples.brand(), null), "email");

    assertThat(email).containsEntry("subject", "Ada <L>, your code")
        .containsEntry("html", "<p>PREVIEW-CODE from Acme Shop</p>")
        .containsEntry("text", "PREVIEW-CODE / camp_1 / customer.order.paid");
  }

  @Test
  void escapesHtmlButNotTextAndWorksWithoutABrand() {
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.order.paid",
        new EmailChannel("Hi", "<p>{{customer.name}}{{brand.sender_name}}</p>", "{{customer.name}}"));

    Map<String, Object> email = channel(preview.render(d, ada, null, null), "email");

    assertThat(email).containsEntry("html", "<p>Ada &lt;L&gt;</p>").containsEntry("text", "Ada <L>");
  }

  @Test
  void usesTheGivenEventForTheEventAndWhatTheActionReadsFromIt() {
    Distribution d = of(ActionType.LOYALTY_POINTS, "customer.rewarded.loyalty_points",
        new SmsChannel("+{{loyalty.points}} = {{loyalty.balance}} on {{loyalty.code}} ({{event.data.why}})", null, null));
    TriggerEvent event = Samples.event("evt_x", "customer.rewarded.loyalty_points", ada,
        Map.of("points", Map.of("amount", 40), "why", "review"));

    Map<String, Object> sms = channel(preview.render(d, ada, Samples.brand(), event), "sms");

    assertThat(sms).containsEntry("text", "+40 = 1200 on PREVIEW-CODE (review)").containsEntry("segments", 1);
  }

  @Test
  void aSampleEventCarriesTheTriggersFilters() {
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.segment.entered",
        new SmsChannel("{{event.data.segment.id}} {{event.id}}", null, null));

    assertThat(channel(preview.render(d, ada, null, null), "sms")).containsEntry("text", "v-segment_id evt_preview");
  }

  @Test
  void aManualDistributionHasNoEvent() {
    Distribution d = of(ActionType.NOTIFY_PROMOTION, "manual", new SmsChannel("{{promotion_tier.id}}:{{promotion_tier.name}}", null, null));

    Map<String, Object> sms = channel(preview.render(d, ada, null, Samples.orderPaid("evt_1", ada)), "sms");

    assertThat(sms).containsEntry("text", "promo_tier_1:Preview promotion");
  }

  @Test
  void rendersTheWebhookEnvelope() {
    Distribution d = of(ActionType.PUBLISH_CODE, "customer.order.paid",
        new WebhookChannel("https://hooks.example.com", Drafts.WEBHOOK_SECRET, Map.of("X-Team", "growth"), null));

    Map<String, Object> webhook = channel(preview.render(d, ada, null, Samples.orderPaid("evt_1", ada)), "webhook");

    assertThat(webhook).containsEntry("url", "https://hooks.example.com")
        .containsEntry("headers", Map.of("X-Team", "growth", "Content-Type", "application/json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) webhook.get("body");
    assertThat(body).containsKeys("id", "type", "created_at", "source", "event", "data")
        .containsEntry("type", "publish_code").containsEntry("source", Map.of("distribution_id", "dist_p"));
    assertThat((Map<String, Object>) body.get("event")).containsEntry("id", "evt_1");
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) body.get("data");
    assertThat((Map<String, Object>) data.get("customer")).containsEntry("email", "ada@mail.example");
    assertThat((Map<String, Object>) data.get("voucher")).containsEntry("code", "PREVIEW-CODE");
    assertThat(webhook.toString()).doesNotContain(Drafts.WEBHOOK_SECRET);
  }

  @Test
  void rendersACustomWebhookBodyLeavingNonStringsAsTheyAre() {
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.order.paid",
        new WebhookChannel("https://hooks.example.com", Drafts.WEBHOOK_SECRET, null, WebhookPayload.custom(
            Map.of("who", "{{customer.source_id}}", "n", 3, "list", List.of("{{event.type}}", true)))));

    Map<String, Object> webhook = channel(preview.render(d, ada, null, null), "webhook");

    assertThat(webhook.get("body")).isEqualTo(Map.of("who", "src-ada", "n", 3,
        "list", List.of("customer.order.paid", true)));
  }

  @Test
  void rendersTheMarketingToolsFields() {
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.order.paid",
        new BrazeChannel("int_example_braze", "id", Map.of("first", "{{customer.name}}")),
        new MailchimpChannel("int_example_mailchimp", "a1", Map.of("FNAME", "{{customer.name}}"),
            List.of("vip")),
        new KlaviyoChannel("int_example_klaviyo", "Ordered", Map.of("tier", "{{customer.metadata.tier}}")),
        new IntercomChannel("int_example_intercom", "ordered", Map.of("phone", "{{customer.phone}}")));

    Map<String, Object> all = preview.render(d, ada, null, null);

    assertThat(all).containsOnlyKeys("braze", "mailchimp", "klaviyo", "intercom");
    assertThat(channel(all, "braze")).containsEntry("external_id", ada.id())
        .containsEntry("attributes", Map.of("first", "Ada <L>"));
    assertThat(channel(all, "mailchimp")).containsEntry("merge_fields", Map.of("FNAME", "Ada <L>"))
        .containsEntry("tags", List.of("vip")).containsEntry("audience_id", "a1");
    assertThat(channel(all, "klaviyo")).containsEntry("metric", "Ordered")
        .containsEntry("properties", Map.of("tier", "gold"));
    assertThat(channel(all, "intercom")).containsEntry("event_name", "ordered")
        .containsEntry("metadata", Map.of("phone", "+447700900234"));
  }

  @Test
  void refusesAnHtmlBodyStoredWithUnescapedOutputNamingTheField() {
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.order.paid", new SmsChannel("Hi", null, null),
        new EmailChannel("Hi", "<p>{{{customer.name}}}</p>", null));

    assertRefused(() -> preview.render(d, ada, null, null), "unescaped_html", "channels[1].html");
  }

  @Test
  void refusesAStoredTemplateThatNamesWhatTheTriggerDoesNotProvide() {
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.order.paid",
        new SmsChannel("{{customer.name.bytes}}", null, null));

    assertRefused(() -> preview.render(d, ada, null, null), "unknown_variable", "channels[0].text");
  }

  @Test
  void refusesARenderPastTheSizeLimitWithTheReasonAndTheChannel() {
    Customer many = new Customer(ada.id(), "src-ada", "Ada", "ada@mail.example", null,
        Map.of("items", java.util.Collections.nCopies(100, "x")), T0, T0);
    Distribution d = of(ActionType.PLAIN_MESSAGE, "customer.order.paid", new SmsChannel("Hi", null, null),
        new EmailChannel("Hi", "{{#customer.metadata.items}}{{#customer.metadata.items}}{{#customer.metadata.items}}"
            + "{{.}}{{/customer.metadata.items}}{{/customer.metadata.items}}{{/customer.metadata.items}}", null));

    var refused = assertRefused(() -> preview.render(d, many, null, null), "template_too_large", "channels[1]");
    assertThat(refused.getMessage()).contains("256 KiB");
  }
}
