package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.Samples;
import herald.domain.templates.Templates;
import herald.testing.TestChannels;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DistributionRulesTest {
  private final DistributionRules rules = new DistributionRules(new Templates(), new FakePatterns(),
      TestChannels.with().allowlist("hooks.internal:8080", "localhost").build());

  @Test
  void returnsAValidDraftUnchanged() {
    DistributionDraft draft = Drafts.withChannels(Samples.email(), new SmsChannel("Hi {{customer.name}}", null, null),
        Drafts.webhook("https://hooks.example.com/in"));

    assertThat(rules.check(draft)).isEqualTo(draft);
  }

  @Test
  void checksThePatternWithThePatternMatcher() {
    DistributionDraft good = Drafts.draft(new Trigger(Samples.ORDER_PAID, Map.of(), "{\"plan\":[\"pro\"]}"),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));
    DistributionDraft bad = Drafts.draft(new Trigger(Samples.ORDER_PAID, Map.of(), "{\"plan\":\"pro\"}"),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));

    assertThatCode(() -> rules.check(good)).doesNotThrowAnyException();
    assertRefused(() -> rules.check(bad), "invalid_pattern", "trigger.pattern");
  }

  @Test
  void refusesATemplateThatDoesNotCompileNamingTheChannelAndField() {
    DistributionDraft draft = Drafts.withChannels(new SmsChannel("Hi", null, null),
        new EmailChannel("Hi", "<p>{{#unclosed}}</p>", null));

    assertRefused(() -> rules.check(draft), "invalid_template", "channels[1].html");
  }

  @Test
  void refusesAVariableTheActionDoesNotProvide() {
    DistributionDraft draft = Drafts.withChannels(new EmailChannel("Your code {{voucher.code}}", null, "x"));

    var refused = assertRefused(() -> rules.check(draft), "unknown_variable", "channels[0].subject");
    assertThat(refused.getMessage()).contains("voucher.code").contains("customer");
  }

  @Test
  void refusesASectionTheActionNeverProvides() {
    DistributionDraft draft = Drafts.withChannels(new EmailChannel("Hi", null, "{{#reward}}{{name}}{{/reward}}"));

    assertRefused(() -> rules.check(draft), "unknown_variable", "channels[0].text");
  }

  @Test
  void acceptsTheVariablesTheActionAndTriggerProvide() {
    DistributionDraft draft = Drafts.withChannels(ActionType.PUBLISH_CODE, Samples.ORDER_PAID,
        new EmailChannel("{{voucher.code}} for {{customer.name}}", "<p>{{#order.items}}{{name}} {{.}}{{/order.items}}"
            + "{{brand.postal_address}} {{unsubscribe_url}} {{event.data.x}}</p>", null));

    assertThatCode(() -> rules.check(draft)).doesNotThrowAnyException();
  }

  @Test
  void refusesOrderOutsideOrderTriggersAndEventOnManualOnes() {
    assertRefused(() -> rules.check(Drafts.withChannels(ActionType.PLAIN_MESSAGE, "customer.referred",
        new EmailChannel("{{order.id}}", null, "x"))), "unknown_variable", "channels[0].subject");
    assertRefused(() -> rules.check(Drafts.withChannels(ActionType.PLAIN_MESSAGE, "manual",
        new EmailChannel("Hi", null, "{{event.id}}"))), "unknown_variable", "channels[0].text");
  }

  @Test
  void checksEveryChannelsTemplatesWithTheirOwnField() {
    assertRefused(() -> rules.check(Drafts.withChannels(new BrazeChannel("https://rest.iad-01.braze.com", "k", null,
        Map.of("code", "{{gift.code}}")))), "unknown_variable", "channels[0].attributes.code");
    assertRefused(() -> rules.check(Drafts.withChannels(Samples.email(), new MailchimpChannel(
        "0123456789abcdef0123456789abcdef-us21", "a1", Map.of("CODE", "{{loyalty.points}}"), null))),
        "unknown_variable", "channels[1].merge_fields.CODE");
    assertRefused(() -> rules.check(Drafts.withChannels(new KlaviyoChannel("pk_1", "m",
        Map.of("p", "{{promotion_tier.name}}")))), "unknown_variable", "channels[0].properties.p");
    assertRefused(() -> rules.check(Drafts.withChannels(new IntercomChannel("t", null, "e",
        Map.of("m", "{{#x}}")))), "invalid_template", "channels[0].metadata.m");
    assertRefused(() -> rules.check(Drafts.withChannels(new SmsChannel("{{reward.name}}", null, null))),
        "unknown_variable", "channels[0].text");
  }

  @Test
  void checksTheStringsOfACustomWebhookBodyAsTemplates() {
    WebhookChannel good = new WebhookChannel("https://hooks.example.com", Drafts.WEBHOOK_SECRET, null,
        WebhookPayload.custom(Map.of("to", "{{customer.email}}", "items", List.of("{{event.id}}"))));
    WebhookChannel bad = new WebhookChannel("https://hooks.example.com", Drafts.WEBHOOK_SECRET, null,
        WebhookPayload.custom(Map.of("to", "{{customer.email}}", "items", List.of(1, "{{voucher.code}}"))));

    assertThatCode(() -> rules.check(Drafts.withChannels(good))).doesNotThrowAnyException();
    assertRefused(() -> rules.check(Drafts.withChannels(Samples.email(), bad)), "unknown_variable",
        "channels[1].payload.body.items[1]");
  }

  @Test
  void checksTheWebhookUrlAgainstTheAllowlist() {
    assertRefused(() -> rules.check(Drafts.withChannels(Samples.email(), Drafts.webhook("http://hooks.example.com"))),
        "insecure_url", "channels[1].url");
    assertRefused(() -> rules.check(Drafts.withChannels(Drafts.webhook("https://10.0.0.8/in"))), "forbidden_host",
        "channels[0].url");
    assertThatCode(() -> rules.check(Drafts.withChannels(Drafts.webhook("http://hooks.internal:8080/in"))))
        .doesNotThrowAnyException();
    assertThatCode(() -> rules.check(Drafts.withChannels(Drafts.webhook("http://localhost:3000/in"))))
        .doesNotThrowAnyException();
  }

  @Test
  void needsEveryChannelsWriteOnlySecret() {
    WebhookChannel generated = (WebhookChannel) rules.check(Drafts.withChannels(Samples.email(),
        new WebhookChannel("https://hooks.example.com", null, null, null))).channels().get(1);
    assertThat(generated.secret()).as("a webhook's secret is generated when left out").startsWith("whsec_");
    assertThat(generated.revealed()).isTrue();
    assertRefused(() -> rules.check(Drafts.withChannels(new BrazeChannel("https://rest.iad-01.braze.com", null, null,
        null))), "missing_field", "channels[0].api_key");
    assertRefused(() -> rules.check(Drafts.withChannels(new MailchimpChannel(null, "a1", null, null))),
        "missing_field", "channels[0].api_key");
    assertRefused(() -> rules.check(Drafts.withChannels(new KlaviyoChannel(null, "m", null))),
        "missing_field", "channels[0].api_key");
    assertRefused(() -> rules.check(Drafts.withChannels(new IntercomChannel(null, null, "e", null))),
        "missing_field", "channels[0].access_token");
  }

  @Test
  void aPutWithoutTheSecretKeepsTheStoredOne() {
    Distribution stored = Distribution.create("dist_1", Drafts.withChannels(Samples.email(),
        Drafts.webhook("https://hooks.example.com/old"),
        new KlaviyoChannel("pk_stored", "m", null)), Samples.T0);
    WebhookChannel webhook = new WebhookChannel("https://hooks.example.com/new", null, Map.of(), null);
    KlaviyoChannel klaviyo = new KlaviyoChannel(null, "m2", null);

    DistributionDraft merged = rules.checkEdit(Drafts.withChannels(webhook, klaviyo), stored);

    assertThat(merged.channels()).containsExactly(
        new WebhookChannel("https://hooks.example.com/new", Drafts.WEBHOOK_SECRET, Map.of(), null),
        new KlaviyoChannel("pk_stored", "m2", null));
    assertRefused(() -> rules.checkEdit(Drafts.withChannels(webhook, klaviyo, new IntercomChannel(null, null, "e", null)),
        stored), "missing_field", "channels[2].access_token");
  }

  @ParameterizedTest
  @EnumSource(ActionType.class)
  void theCheckLeavesNothingOutForEveryActionsOwnVariables(ActionType action) {
    String trigger = Compatibility.triggersFor(action).getFirst();
    String provided = herald.domain.distributions.TemplateVariables.provided(action);
    String template = provided == null ? "{{customer.name}}" : "{{" + provided + ".x}}";

    assertThatCode(() -> rules.check(Drafts.withChannels(action, trigger, new SmsChannel(template, null, null))))
        .doesNotThrowAnyException();
  }

  @Test
  void theAllowlistIsReadFromItsCommaSeparatedText() {
    assertThat(WebhookUrls.allowlist(" Hooks.Internal:8080 ,, localhost ")).isEqualTo(
        Set.of("hooks.internal:8080", "localhost"));
    assertThat(WebhookUrls.allowlist(null)).isEmpty();
  }
}
