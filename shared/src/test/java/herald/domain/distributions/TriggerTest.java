package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerFilter;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.Samples;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerTest {
  private static final Set<String> ALL_FILTERS = Set.of("segment_id", "include_existing_members", "event",
      "campaign_id", "tier_id");
  private final Customer ada = Samples.customer("src-ada");
  private final FakePatterns patterns = new FakePatterns();

  static List<String> triggerTypes() {
    return Compatibility.triggerTypes();
  }

  /** Every filter a type takes, with a valid value. */
  static Map<String, Object> everyFilterOf(String type) {
    Map<String, Object> filters = new LinkedHashMap<>();
    for (TriggerFilter filter : EventCatalogue.filters(type)) {
      filters.put(filter.name(), filter.kind() == TriggerFilter.Kind.BOOLEAN ? (Object) true : "v-" + filter.name());
    }
    return filters;
  }

  static Stream<Arguments> foreignFilters() {
    return triggerTypes().stream().flatMap(type -> Stream.concat(ALL_FILTERS.stream(), Stream.of("bogus"))
        .filter(name -> EventCatalogue.filters(type).stream().noneMatch(f -> f.name().equals(name)))
        .map(name -> Arguments.of(type, name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"order.paid", "customer.order.shipped", "Customer.order.paid", "webhook"})
  void refusesAnUnknownType(String type) {
    assertRefused(() -> new Trigger(type, Map.of()), "unknown_trigger_type", "trigger.type");
  }

  @Test
  void refusesAMissingType() {
    assertRefused(() -> new Trigger(" ", Map.of()), "missing_field", "trigger.type");
    assertRefused(() -> new Trigger(null, Map.of()), "missing_field", "trigger.type");
  }

  @ParameterizedTest
  @FieldSource("herald.domain.events.EventCatalogue#TYPES")
  void acceptsEveryCatalogueTypeWithItsRequiredFilters(String type) {
    Map<String, String> filters = new HashMap<>();
    EventCatalogue.filters(type).stream().filter(TriggerFilter::required).forEach(f -> filters.put(f.name(), "x"));

    assertThat(new Trigger(type, filters).type()).isEqualTo(type);
  }

  @ParameterizedTest
  @MethodSource("triggerTypes")
  void acceptsEveryTriggerTypeWithAllTheFiltersItTakes(String type) {
    Map<String, Object> filters = everyFilterOf(type);

    Trigger trigger = new Trigger(type, filters, null);

    assertThat(trigger.filters()).isEqualTo(filters);
    assertThat(trigger.manual()).isEqualTo(type.equals("manual"));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("foreignFilters")
  void refusesAFilterItsTypeDoesNotTake(String type, String filter) {
    Map<String, Object> filters = everyFilterOf(type);
    filters.put(filter, "x");

    herald.domain.common.Invalid invalid = assertRefused(() -> new Trigger(type, filters, null), "unknown_field",
        "trigger.filters." + filter);
    assertThat(invalid.getMessage()).contains(type).contains(filter);
  }

  @Test
  void theFiltersOfEachTypeAreTheDocumentedOnes() {
    assertThat(names("customer.segment.entered")).containsExactly("segment_id", "include_existing_members");
    assertThat(names("customer.segment.left")).containsExactly("segment_id");
    assertThat(names("customer.custom_event")).containsExactly("event");
    for (String tier : List.of("joined", "left", "upgraded", "downgraded", "prolonged")) {
      assertThat(names("customer.loyalty.tier." + tier)).containsExactly("tier_id", "campaign_id");
    }
    for (String type : EventCatalogue.TYPES) {
      if (type.startsWith("customer.voucher.") || type.startsWith("customer.redemption.")
          || Set.of("customer.reward_redemptions.completed", "customer.publication.succeeded",
          "customer.rewarded.loyalty_points", "customer.referred").contains(type)) {
        assertThat(names(type)).as(type).containsExactly("campaign_id");
      }
      if (type.startsWith("customer.order.")) assertThat(names(type)).as(type).isEmpty();
    }
    assertThat(names("manual")).isEmpty();
  }

  private static List<String> names(String type) {
    return EventCatalogue.filters(type).stream().map(TriggerFilter::name).toList();
  }

  @Test
  void aSegmentTriggerNeedsItsSegment() {
    assertRefused(() -> new Trigger("customer.segment.entered", Map.of()), "missing_field",
        "trigger.filters.segment_id");
    assertRefused(() -> new Trigger("customer.segment.left", Map.of("segment_id", " ")), "missing_field",
        "trigger.filters.segment_id");
    assertThat(new Trigger("customer.segment.entered", Map.of("segment_id", "seg_1")).filters())
        .containsExactly(Map.entry("segment_id", "seg_1"));
  }

  @Test
  void refusesAFilterOfTheWrongType() {
    assertRefused(() -> new Trigger("customer.segment.entered", Map.of("segment_id", 5)), "invalid_type",
        "trigger.filters.segment_id");
    assertRefused(() -> new Trigger("customer.segment.entered",
        Map.of("segment_id", "seg_1", "include_existing_members", "yes")), "invalid_type",
        "trigger.filters.include_existing_members");
    assertRefused(() -> new Trigger("customer.referred", Map.of("campaign_id", Map.of("id", "c"))), "invalid_type",
        "trigger.filters.campaign_id");
  }

  @Test
  void refusesATooLongFilter() {
    assertRefused(() -> new Trigger("customer.referred", Map.of("campaign_id", "c".repeat(201))), "too_long",
        "trigger.filters.campaign_id");
  }

  @Test
  void aManualTriggerTakesNoFiltersAndNoPattern() {
    assertThat(new Trigger("manual", null).filters()).isEmpty();
    assertRefused(() -> new Trigger("manual", Map.of("campaign_id", "c")), "unknown_field",
        "trigger.filters.campaign_id");
    assertRefused(() -> new Trigger("manual", null, "{\"a\":[1]}"), "unknown_field", "trigger.pattern");
  }

  @Test
  void refusesACustomEventTriggerWithoutAnEventName() {
    assertRefused(() -> new Trigger(Samples.CUSTOM, Map.of()), "missing_field", "trigger.filters.event");
    assertRefused(() -> new Trigger(Samples.CUSTOM, null), "missing_field", "trigger.filters.event");
    assertRefused(() -> new Trigger(Samples.CUSTOM, Map.of("event", "  ")), "missing_field", "trigger.filters.event");
  }

  @Test
  void matchesOnlyEventsOfItsType() {
    assertThat(Samples.orderPaid().matches(Samples.orderPaid("evt_1", ada), patterns)).isTrue();
    assertThat(Samples.orderPaid().matches(Samples.event("evt_1", "customer.order.created", ada, Map.of()), patterns))
        .isFalse();
  }

  @Test
  void aCustomEventTriggerMatchesOnlyItsEventName() {
    Trigger signup = Samples.custom("signup");

    assertThat(signup.matches(Samples.customEvent("evt_1", "signup", ada), patterns)).isTrue();
    assertThat(signup.matches(Samples.customEvent("evt_1", "signup_started", ada), patterns)).isFalse();
    assertThat(signup.matches(Samples.event("evt_1", Samples.CUSTOM, ada, Map.of()), patterns)).isFalse();
  }

  @Test
  void itsFiltersCannotBeChangedAfterwards() {
    Map<String, String> filters = new HashMap<>(Map.of("event", "signup"));
    Trigger trigger = new Trigger(Samples.CUSTOM, filters);

    filters.put("event", "churn");

    assertThat(trigger.matches(Samples.customEvent("evt_1", "signup", ada), patterns)).isTrue();
  }

  @Test
  void aCustomEventNameWithSurroundingSpacesStillMatchesTheTrimmedEvent() {
    Trigger padded = new Trigger(Samples.CUSTOM, Map.of("event", " signup "));

    assertThat(padded.matches(Samples.customEvent("evt_1", "signup", ada), patterns)).isTrue();
  }

  @Test
  void aSegmentFilterMatchesTheEventsSegmentId() {
    Trigger entered = new Trigger("customer.segment.entered", Map.of("segment_id", "seg_vip",
        "include_existing_members", true));

    assertThat(entered.matches(event("customer.segment.entered", Map.of("segment", Map.of("id", "seg_vip"))),
        patterns)).isTrue();
    assertThat(entered.matches(event("customer.segment.entered", Map.of("segment", Map.of("id", "seg_new"))),
        patterns)).isFalse();
    assertThat(entered.matches(event("customer.segment.entered", Map.of()), patterns)).isFalse();
    assertThat(entered.matches(event("customer.segment.entered", Map.of("segment", "seg_vip")), patterns)).isFalse();
  }

  @Test
  void campaignAndTierFiltersMatchTheEventsCampaignAndTier() {
    Trigger gold = new Trigger("customer.loyalty.tier.joined", Map.of("tier_id", "ltr_gold", "campaign_id", "camp_1"));
    Map<String, Object> both = Map.of("tier", Map.of("id", "ltr_gold"), "campaign", Map.of("id", "camp_1"));

    assertThat(gold.matches(event("customer.loyalty.tier.joined", both), patterns)).isTrue();
    assertThat(gold.matches(event("customer.loyalty.tier.joined", Map.of("tier", Map.of("id", "ltr_gold"),
        "campaign", Map.of("id", "camp_2"))), patterns)).isFalse();
    assertThat(gold.matches(event("customer.loyalty.tier.joined", Map.of("tier", Map.of("id", "ltr_silver"),
        "campaign", Map.of("id", "camp_1"))), patterns)).isFalse();
    assertThat(new Trigger("customer.loyalty.tier.joined", Map.of())
        .matches(event("customer.loyalty.tier.joined", Map.of()), patterns)).isTrue();
  }

  @Test
  void aNumericIdInTheEventMatchesItsTextInTheFilter() {
    Trigger campaign = new Trigger("customer.publication.succeeded", Map.of("campaign_id", "42"));

    assertThat(campaign.matches(event("customer.publication.succeeded", Map.of("campaign", Map.of("id", 42))),
        patterns)).isTrue();
  }

  @Test
  void aPatternMustMatchTheEventsDataToo() {
    Trigger pro = new Trigger(Samples.ORDER_PAID, Map.of(), "{\"plan\":[\"pro\"]}");

    assertThat(pro.matches(event(Samples.ORDER_PAID, Map.of("plan", "pro")), patterns)).isTrue();
    assertThat(pro.matches(event(Samples.ORDER_PAID, Map.of("plan", "free")), patterns)).isFalse();
    assertThat(patterns.matched()).containsOnly("{\"plan\":[\"pro\"]}");
  }

  @Test
  void aPatternIsNotConsultedWhenTheFiltersAlreadyRefuse() {
    Trigger trigger = new Trigger("customer.referred", Map.of("campaign_id", "c1"), "{\"plan\":[\"pro\"]}");

    assertThat(trigger.matches(event("customer.referred", Map.of("plan", "pro")), patterns)).isFalse();
    assertThat(patterns.matched()).isEmpty();
  }

  @Test
  void refusesAPatternLongerThan4096Characters() {
    assertRefused(() -> new Trigger(Samples.ORDER_PAID, Map.of(), "{\"a\":[\"" + "x".repeat(4100) + "\"]}"),
        "too_long", "trigger.pattern");
  }

  private herald.domain.events.TriggerEvent event(String type, Map<String, Object> data) {
    return Samples.event("evt_1", type, ada, data);
  }

}
