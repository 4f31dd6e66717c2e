package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import herald.domain.templates.Templates;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateVariablesTest {
  private final Templates templates = new Templates();

  @Test
  void everyTemplateHasCustomerBrandAndUnsubscribeAndBusTriggersHaveTheEvent() {
    assertThat(TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "customer.referred"))
        .containsExactly("brand", "customer", "event", "unsubscribe_url");
    assertThat(TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "manual"))
        .containsExactly("brand", "customer", "unsubscribe_url");
  }

  @Test
  void orderTriggersAddTheOrder() {
    assertThat(TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "customer.order.canceled")).contains("order");
    assertThat(TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "customer.redemption.succeeded"))
        .doesNotContain("order");
  }

  @Test
  void eachActionAddsWhatItProvides() {
    assertThat(TemplateVariables.allowed(ActionType.PUBLISH_CODE, "manual")).contains("voucher");
    assertThat(TemplateVariables.allowed(ActionType.PUBLISHED_CODE, "customer.publication.succeeded")).contains("voucher");
    assertThat(TemplateVariables.allowed(ActionType.NOTIFY_PROMOTION, "manual")).contains("promotion_tier");
    assertThat(TemplateVariables.allowed(ActionType.GIFT_CREDITS, "customer.voucher.gift.balance_added"))
        .contains("gift").doesNotContain("loyalty", "voucher", "reward");
    assertThat(TemplateVariables.allowed(ActionType.LOYALTY_POINTS, "customer.rewarded.loyalty_points"))
        .contains("loyalty");
    assertThat(TemplateVariables.allowed(ActionType.REWARD_DETAILS, "customer.reward_redemptions.completed"))
        .contains("reward");
    for (ActionType action : ActionType.values()) {
      String provided = TemplateVariables.provided(action);
      if (provided != null) assertThat(TemplateVariables.FIELDS).containsKey(provided);
    }
    assertThat(TemplateVariables.FIELDS.get("voucher")).containsExactly("code", "campaign_id", "campaign_name",
        "expiration_date");
  }

  @Test
  void collectsTheTopLevelNamesOfVariablesAndSections() {
    assertThat(templates.names("Hi {{customer.name}} {{{brand.sender_name}}} {{&unsubscribe_url}} {{! note }}"
        + "{{#voucher}}{{code}}{{/voucher}}{{^reward}}{{gift.amount}}{{/reward}}{{=<% %>=}}<%event.id%>", "f"))
        .containsExactly("brand.sender_name", "customer.name", "event.id", "gift.amount", "reward",
            "unsubscribe_url", "voucher");
  }

  @Test
  void namesInsideASectionAreRelativeToItAndNotChecked() {
    Set<String> allowed = TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "customer.order.paid");

    assertThatCode(() -> templates.check("{{#order.items}}{{name}} x{{quantity}} {{.}}{{/order.items}}", "f", allowed))
        .doesNotThrowAnyException();
    assertThatCode(() -> templates.check("{{#customer.metadata}}{{vip}}{{/customer.metadata}}", "f", allowed))
        .doesNotThrowAnyException();
  }

  @Test
  void anInvertedSectionRendersInTheOuterScopeSoItsNamesAreChecked() {
    Set<String> allowed = TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "customer.referred");

    assertRefused(() -> templates.check("{{^customer.name}}{{voucher.code}}{{/customer.name}}", "f", allowed),
        "unknown_variable", "f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{reward.name}}", "{{#reward}}x{{/reward}}", "{{^voucher}}none{{/voucher}}", "{{order}}",
      "{{.}}", "{{{gift.code}}}", "{{&loyalty.points}}", "{{$block}}{{reward}}{{/block}}", "{{ nickname }}"})
  void refusesANameTheActionNeverProvides(String template) {
    Set<String> allowed = TemplateVariables.allowed(ActionType.PLAIN_MESSAGE, "customer.referred");

    var refused = assertRefused(() -> templates.check(template, "channels[2].text", allowed), "unknown_variable",
        "channels[2].text");
    assertThat(refused.getMessage()).contains("customer, event, unsubscribe_url");
  }

  @Test
  void stillRefusesATemplateThatDoesNotCompileBeforeLookingAtNames() {
    assertRefused(() -> templates.check("{{#reward}}", "f", Set.of("customer")), "invalid_template", "f");
    assertRefused(() -> templates.check("{{>partial}}", "f", Set.of("customer")), "invalid_template", "f");
  }
}
