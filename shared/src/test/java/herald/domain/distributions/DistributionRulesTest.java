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
import org.junit.jupiter.params.provider.ValueSource;

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
    assertRefused(() -> rules.check(Drafts.withChannels(new BrazeChannel("int_example_braze", null,
        Map.of("code", "{{gift.code}}")))), "unknown_variable", "channels[0].attributes.code");
    assertRefused(() -> rules.check(Drafts.withChannels(Samples.email(), new MailchimpChannel(
        "int_example_mailchimp", "a1", Map.of("CODE", "{{loyalty.points}}"), null))),
        "unknown_variable", "channels[1].merge_fields.CODE");
    assertRefused(() -> rules.check(Drafts.withChannels(new KlaviyoChannel("int_example_klaviyo", "m",
        Map.of("p", "{{promotion_tier.name}}")))), "unknown_variable", "channels[0].properties.p");
    assertRefused(() -> rules.check(Drafts.withChannels(new IntercomChannel("int_example_intercom", "e",
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
    assertRefused(() -> rules.check(Drafts.withChannels(new BrazeChannel(null, null, null))),
        "missing_field", "channels[0].integration_id");
    assertRefused(() -> rules.check(Drafts.withChannels(new MailchimpChannel(null, "a1", null, null))),
        "missing_field", "channels[0].integration_id");
    assertRefused(() -> rules.check(Drafts.withChannels(new KlaviyoChannel(null, "m", null))),
        "missing_field", "channels[0].integration_id");
    assertRefused(() -> rules.check(Drafts.withChannels(new IntercomChannel(null, "e", null))),
        "missing_field", "channels[0].integration_id");
  }

  @Test
  void aPutWithoutTheSecretKeepsTheStoredOne() {
    Distribution stored = Distribution.create("dist_1", Drafts.withChannels(Samples.email(),
        Drafts.webhook("https://hooks.example.com/old"),
        new KlaviyoChannel("int_example_klaviyo", "m", null)), Samples.T0);
    WebhookChannel webhook = new WebhookChannel("https://hooks.example.com/new", null, Map.of(), null);
    KlaviyoChannel klaviyo = new KlaviyoChannel("int_example_klaviyo", "m2", null);

    DistributionDraft merged = rules.checkEdit(Drafts.withChannels(webhook, klaviyo), stored);

    assertThat(merged.channels()).containsExactly(
        new WebhookChannel("https://hooks.example.com/new", Drafts.WEBHOOK_SECRET, Map.of(), null),
        new KlaviyoChannel("int_example_klaviyo", "m2", null));
    assertRefused(() -> rules.checkEdit(Drafts.withChannels(webhook, klaviyo, new IntercomChannel(null, "e", null)),
        stored), "missing_field", "channels[2].integration_id");
  }

  @ParameterizedTest
  @EnumSource(ActionType.class)
  void theCheckLeavesNothingOutForEveryActionsOwnVariables(ActionType action) {
    String trigger = Compatibility.triggersFor(action).getFirst();
    String provided = TemplateVariables.provided(action);
    String template = provided == null ? "{{customer.name}}"
        : "{{" + provided + "." + TemplateVariables.ALL.get(provided).names().getFirst() + "}}";

    assertThatCode(() -> rules.check(Drafts.withChannels(action, trigger, new SmsChannel(template, null, null))))
        .doesNotThrowAnyException();
  }

  @Test
  void theAllowlistIsReadFromItsCommaSeparatedText() {
    assertThat(WebhookUrls.allowlist(" Hooks.Internal:8080 ,, localhost ")).isEqualTo(
        Set.of("hooks.internal:8080", "localhost"));
    assertThat(WebhookUrls.allowlist(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<p>{{{customer.name}}}</p>", "<p>{{&customer.name}}</p>",
      "<p>{{#customer}}{{{name}}}{{/customer}}</p>"})
  void refusesUnescapedOutputInAnHtmlBodyNamingTheField(String html) {
    var refused = assertRefused(() -> rules.check(Drafts.withChannels(new SmsChannel("Hi", null, null),
        new EmailChannel("Hi", html, null))), "unescaped_html", "channels[1].html");
    assertThat(refused.getMessage()).contains("unescaped").doesNotContain("Ada");
  }

  @Test
  void plainPartsMayRenderUnescapedSinceTheyAreNotHtml() {
    DistributionDraft draft = Drafts.withChannels(new EmailChannel("{{{customer.name}}}", "<p>{{customer.name}}</p>",
        "{{&customer.name}}"), new SmsChannel("{{{customer.name}}}", null, null));

    assertThatCode(() -> rules.check(draft)).doesNotThrowAnyException();
  }

  @Test
  void refusesDelimiterChangesInEveryPart() {
    String changed = "{{=<% %>=}}<%customer.name%>";
    assertRefused(() -> rules.check(Drafts.withChannels(new EmailChannel("Hi", "<p>" + changed + "</p>", null))),
        "delimiter_change", "channels[0].html");
    assertRefused(() -> rules.check(Drafts.withChannels(new EmailChannel(changed, null, "x"))),
        "delimiter_change", "channels[0].subject");
    assertRefused(() -> rules.check(Drafts.withChannels(new EmailChannel("Hi", null, "{{=| |=}}"))),
        "delimiter_change", "channels[0].text");
    assertRefused(() -> rules.check(Drafts.withChannels(new SmsChannel(changed, null, null))),
        "delimiter_change", "channels[0].text");
    assertRefused(() -> rules.check(Drafts.withChannels(new WebhookChannel("https://hooks.example.com",
        Drafts.WEBHOOK_SECRET, null, WebhookPayload.custom(Map.of("to", changed))))),
        "delimiter_change", "channels[0].payload.body.to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{customer.nope}}", "{{customer.name.bytes}}", "{{customer.name.length}}",
      "{{customer.name.class}}", "{{customer.getClass}}", "{{customer.hashCode}}", "{{customer.class}}",
      "{{customer..name}}", "{{customer.}}", "{{brand.sender_name.x}}", "{{unsubscribe_url.length}}",
      "{{event.id.bytes}}", "{{event.nope}}", "{{order.nope}}", "{{order.items.name}}", "{{order.items.size}}",
      "{{order.id.length}}", "{{#customer.nope}}x{{/customer.nope}}", "{{^customer.nope}}x{{/customer.nope}}",
      "{{#customer}}{{nope}}{{/customer}}", "{{#customer}}{{name.bytes}}{{/customer}}",
      "{{#customer.name}}{{length}}{{/customer.name}}", "{{#order.items}}{{nope}}{{/order.items}}",
      "{{#order.items}}{{name.bytes}}{{/order.items}}", "{{#order.items}}{{#name}}{{class}}{{/name}}{{/order.items}}",
      "{{^order.items}}{{quantity}}{{/order.items}}", "{{#order}}{{items.0.name}}{{/order}}", "{{.}}",
      "{{$block}}{{customer.nope}}{{/block}}"})
  void refusesEveryUnknownNameNestedOnesIncluded(String template) {
    var refused = assertRefused(() -> rules.check(Drafts.withChannels(ActionType.PLAIN_MESSAGE, Samples.ORDER_PAID,
        new SmsChannel("Hi " + template, null, null))), "unknown_variable", "channels[0].text");
    assertThat(refused.getMessage()).contains("is not available here");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{customer.metadata.anything.at.all}}", "{{#customer.metadata.list}}{{x.y}}{{.}}"
      + "{{/customer.metadata.list}}", "{{^customer.metadata.vip}}no{{/customer.metadata.vip}}",
      "{{event.data.foo.bar}}", "{{#event.data}}{{whatever}}{{/event.data}}", "{{order.currency}} {{order.total_amount}}",
      "{{order.metadata.x.y}}", "{{#order.items}}{{name}} {{quantity}} {{price}} {{metadata.color}} {{customer.name}}"
      + " {{order.id}} {{.}}{{/order.items}}", "{{#customer}}{{name}} {{brand.sender_name}}{{/customer}}",
      "{{#customer.name}}{{.}}{{/customer.name}}", "{{^order.items}}{{customer.name}}{{/order.items}}",
      "{{$block}}{{customer.email}}{{/block}}", "{{ customer.phone }} {{! a note }}"})
  void acceptsTheNamesTheTriggerAndActionProvideNestedOnesIncluded(String template) {
    assertThatCode(() -> rules.check(Drafts.withChannels(ActionType.PLAIN_MESSAGE, Samples.ORDER_PAID,
        new SmsChannel(template, null, null)))).doesNotThrowAnyException();
  }
}
