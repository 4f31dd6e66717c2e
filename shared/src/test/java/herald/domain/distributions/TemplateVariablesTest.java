package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.EventSchemas;
import herald.domain.events.EventCatalogue;
import herald.domain.templates.Templates;
import herald.domain.templates.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      if (provided != null) assertThat(TemplateVariables.ALL).containsKey(provided);
    }
    assertThat(TemplateVariables.ALL.get("voucher").names()).containsExactly("code", "campaign_id", "campaign_name",
        "expiration_date", "qr_url");
    assertThat(TemplateVariables.ALL.get("promotion_tier").names()).containsExactly("id", "name", "banner",
        "description", "campaign_id");
    assertThat(TemplateVariables.allowed(ActionType.NOTIFY_PROMOTION, "manual")).contains("campaign");
  }

  @Test
  void checksTheNamesOfVariablesAndSectionsWhereverTheyAre() {
    Variable available = TemplateVariables.available(ActionType.PLAIN_MESSAGE, "customer.order.paid");

    assertThatCode(() -> templates.check("Hi {{customer.name}} {{{brand.sender_name}}} {{&unsubscribe_url}} {{! note }}"
        + "{{#order}}{{id}}{{/order}}{{^event}}{{order.amount}}{{/event}}{{event.id}}", "f", available, false))
        .doesNotThrowAnyException();
  }

  @Test
  void namesInsideASectionAreRelativeToIt() {
    Variable allowed = TemplateVariables.available(ActionType.PLAIN_MESSAGE, "customer.order.paid");

    assertThatCode(() -> templates.check("{{#order.items}}{{name}} x{{quantity}} {{.}}{{/order.items}}", "f", allowed,
        false))
        .doesNotThrowAnyException();
    assertThatCode(() -> templates.check("{{#customer.metadata}}{{vip}}{{/customer.metadata}}", "f", allowed, false))
        .doesNotThrowAnyException();
  }

  @Test
  void anInvertedSectionRendersInTheOuterScopeSoItsNamesAreChecked() {
    Variable allowed = TemplateVariables.available(ActionType.PLAIN_MESSAGE, "customer.referred");

    assertRefused(() -> templates.check("{{^customer.name}}{{voucher.code}}{{/customer.name}}", "f", allowed,
        false),
        "unknown_variable", "f");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{reward.name}}", "{{#reward}}x{{/reward}}", "{{^voucher}}none{{/voucher}}", "{{order}}",
      "{{.}}", "{{{gift.code}}}", "{{&loyalty.points}}", "{{$block}}{{reward}}{{/block}}", "{{ nickname }}"})
  void refusesANameTheActionNeverProvides(String template) {
    Variable allowed = TemplateVariables.available(ActionType.PLAIN_MESSAGE, "customer.referred");

    var refused = assertRefused(() -> templates.check(template, "channels[2].text", allowed, false), "unknown_variable",
        "channels[2].text");
    assertThat(refused.getMessage()).contains("customer, event, unsubscribe_url");
  }

  @Test
  void stillRefusesATemplateThatDoesNotCompileBeforeLookingAtNames() {
    Variable customer = Variable.values().with("customer", Variable.values("name"));
    assertRefused(() -> templates.check("{{#reward}}", "f", customer, false), "invalid_template", "f");
    assertRefused(() -> templates.check("{{>partial}}", "f", customer, false), "invalid_template", "f");
  }

  @Test
  void orderHoldsTheFieldsOfTheCatalogueOrderSchemaAndEventDataIsFreeFormAsEverySchemaAllowsMore() {
    Map<String, JsonNode> schemas = EventSchemas.load().documents();
    for (String type : EventCatalogue.TYPES) {
      JsonNode schema = schemas.get(type);
      assertThat(schema.path("additionalProperties").asBoolean()).as(type + " allows more in data").isTrue();
      if (!EventCatalogue.isOrder(type)) continue;
      Variable available = TemplateVariables.available(ActionType.PLAIN_MESSAGE, type);
      List<String> orderFields = new ArrayList<>();
      schema.path("$defs").path("order").path("properties").fieldNames().forEachRemaining(orderFields::add);
      assertThat(TemplateVariables.ALL.get("order").names()).as(type).containsExactlyInAnyOrderElementsOf(orderFields);
      schema.path("$defs").path("item").path("properties").fieldNames().forEachRemaining(field ->
          assertThatCode(() -> templates.check("{{#order.items}}{{" + field + "}}{{/order.items}}", "f", available,
              false)).as(type + " item " + field).doesNotThrowAnyException());
      assertThatCode(() -> templates.check("{{order.metadata.a.b}}{{#order.items}}{{metadata.c}}{{/order.items}}",
          "f", available, false)).doesNotThrowAnyException();
    }
  }
}
