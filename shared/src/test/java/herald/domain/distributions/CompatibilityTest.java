package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import herald.domain.common.Invalid;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerFilter;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.Samples;
import herald.domain.templates.Templates;
import herald.testing.TestChannels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompatibilityTest {
  /** The table as the issue states it, written out independently of the code's. */
  private static final Map<ActionType, Set<String>> ONLY = Map.of(
      ActionType.GIFT_CREDITS, Set.of("customer.voucher.gift.balance_added"),
      ActionType.LOYALTY_POINTS, Set.of("customer.voucher.loyalty_card.points_added",
          "customer.voucher.loyalty_card.points_expired", "customer.voucher.loyalty_card.pending_points.added",
          "customer.voucher.loyalty_card.pending_points.updated",
          "customer.voucher.loyalty_card.pending_points.activated",
          "customer.voucher.loyalty_card.pending_points.canceled", "customer.rewarded.loyalty_points"),
      ActionType.REWARD_DETAILS, Set.of("customer.reward_redemptions.completed"),
      ActionType.PUBLISHED_CODE, Set.of("customer.publication.succeeded"));

  private final DistributionRules rules = new DistributionRules(new Templates(), new FakePatterns(),
      TestChannels.kinds());

  static boolean expectedFit(ActionType action, String trigger) {
    return !ONLY.containsKey(action) || ONLY.get(action).contains(trigger);
  }

  static Stream<Arguments> everyCombination() {
    List<Arguments> all = new ArrayList<>();
    List<String> triggers = new ArrayList<>(EventCatalogue.TYPES);
    triggers.add(EventCatalogue.MANUAL);
    for (String trigger : triggers) {
      for (ActionType action : ActionType.values()) all.add(Arguments.of(trigger, action, expectedFit(action, trigger)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{1} on {0}: fits={2}")
  @MethodSource("everyCombination")
  void acceptsEveryCombinationTheTableAllowsAndRefusesTheRestWith422(String trigger, ActionType action, boolean fits) {
    DistributionDraft draft = Drafts.draft(trigger, action);

    assertThat(Compatibility.fits(action, trigger)).isEqualTo(fits);
    if (fits) {
      assertThatCode(() -> rules.check(draft)).doesNotThrowAnyException();
    } else {
      Invalid refused = assertRefused(() -> rules.check(draft), "incompatible_action", "action.type");
      assertThat(refused.code()).startsWith("incompatible_");
      assertThat(refused.getMessage()).contains(trigger).contains(action.key());
      ONLY.get(action).forEach(fitting -> assertThat(refused.getMessage()).contains(fitting));
    }
  }

  @Test
  void everyTriggerTypeIsInTheTableOnceWithManualLast() {
    assertThat(Compatibility.triggerTypes()).hasSize(EventCatalogue.TYPES.size() + 1).doesNotHaveDuplicates()
        .endsWith("manual").containsAll(EventCatalogue.TYPES);
  }

  @Test
  void anEventCustomerAudienceNeedsABusTrigger() {
    DistributionDraft draft = Drafts.draft(Samples.manual(), Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));

    Invalid refused = assertRefused(() -> rules.check(draft), "incompatible_audience", "audience.type");
    assertThat(refused.getMessage()).contains("manual").contains("segment or customer");
  }

  @Test
  void aCustomerAudienceIsForManualDistributionsOnly() {
    DistributionDraft draft = Drafts.draft(Samples.orderPaid(), Audience.customer("cust_1"),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));

    assertRefused(() -> rules.check(draft), "incompatible_audience", "audience.type");
    assertThatCode(() -> rules.check(Drafts.draft(Samples.manual(), Audience.customer("cust_1"),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email())))).doesNotThrowAnyException();
  }

  @Test
  void aSegmentAudienceFitsAnyTrigger() {
    for (String trigger : Compatibility.triggerTypes()) {
      DistributionDraft draft = Drafts.draft(Drafts.trigger(trigger), Audience.segment("seg_1"),
          Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));
      assertThatCode(() -> rules.check(draft)).as(trigger).doesNotThrowAnyException();
    }
  }

  @Test
  void includingExistingMembersNeedsTheEventCustomerAudienceWhoAreEachSentTheirOwnEntry() {
    Trigger including = new Trigger("customer.segment.entered",
        Map.of("segment_id", "seg_vip", "include_existing_members", true));
    DistributionDraft toSegment = Drafts.draft(including, Audience.segment("seg_vip"),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));

    Invalid refused = assertRefused(() -> rules.check(toSegment), "incompatible_include_existing_members",
        "trigger.filters.include_existing_members");
    assertThat(refused.getMessage()).contains("event_customer").contains("segment");
    assertThatCode(() -> rules.check(Drafts.draft(including, Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email())))).doesNotThrowAnyException();
    assertThatCode(() -> rules.check(Drafts.draft(new Trigger("customer.segment.entered",
        Map.of("segment_id", "seg_vip", "include_existing_members", false)), Audience.segment("seg_vip"),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email())))).doesNotThrowAnyException();
  }

  @Test
  void includingExistingMembersNeedsAnEnteredTriggerAndItsSegment() {
    assertRefused(() -> new Trigger("customer.segment.entered", Map.of("include_existing_members", true)),
        "missing_field", "trigger.filters.segment_id");
    assertRefused(() -> new Trigger("customer.segment.left", Map.of("segment_id", "seg_vip",
        "include_existing_members", true)), "unknown_field", "trigger.filters.include_existing_members");
    assertRefused(() -> new Trigger(Samples.ORDER_PAID, Map.of("include_existing_members", true)),
        "unknown_field", "trigger.filters.include_existing_members");
  }

  @ParameterizedTest
  @EnumSource(value = ActionType.class, names = {"GIFT_CREDITS", "LOYALTY_POINTS", "REWARD_DETAILS", "PUBLISHED_CODE"})
  void anActionThatReadsTheEventSendsOnlyToTheEventsCustomer(ActionType action) {
    String trigger = ONLY.get(action).iterator().next();
    DistributionDraft draft = Drafts.draft(Drafts.trigger(trigger), Audience.segment("seg_1"), Drafts.action(action),
        List.of(Samples.email()));

    Invalid refused = assertRefused(() -> rules.check(draft), "incompatible_audience", "audience.type");
    assertThat(refused.getMessage()).contains(action.key()).contains("event_customer");
    assertThat(action.readsEvent()).isTrue();
  }

  @Test
  void theCatalogueListsPerTriggerItsFiltersAndTheActionsAndAudiencesThatFit() {
    List<Compatibility.Entry> catalogue = Compatibility.catalogue();

    assertThat(catalogue).extracting(Compatibility.Entry::trigger).containsExactlyElementsOf(
        Compatibility.triggerTypes());
    Compatibility.Entry gift = entry(catalogue, "customer.voucher.gift.balance_added");
    assertThat(gift.actions()).extracting(Compatibility.ActionChoice::action).containsExactly(
        ActionType.PUBLISH_CODE, ActionType.NOTIFY_PROMOTION, ActionType.PLAIN_MESSAGE, ActionType.GIFT_CREDITS);
    assertThat(gift.filters()).extracting(TriggerFilter::name).containsExactly("campaign_id");
    assertThat(gift.pattern()).isTrue();
    assertThat(gift.audiences()).containsExactly(AudienceType.EVENT_CUSTOMER, AudienceType.SEGMENT);
    Compatibility.ActionChoice giftCredits = gift.actions().get(3);
    assertThat(giftCredits.audiences()).containsExactly(AudienceType.EVENT_CUSTOMER);
    assertThat(giftCredits.variables()).contains("gift", "customer", "event").doesNotContain("voucher");

    Compatibility.Entry manual = entry(catalogue, "manual");
    assertThat(manual.pattern()).isFalse();
    assertThat(manual.filters()).isEmpty();
    assertThat(manual.audiences()).containsExactly(AudienceType.SEGMENT, AudienceType.CUSTOMER);
    assertThat(manual.actions()).extracting(Compatibility.ActionChoice::action).containsExactly(
        ActionType.PUBLISH_CODE, ActionType.NOTIFY_PROMOTION, ActionType.PLAIN_MESSAGE);
    assertThat(manual.actions().getFirst().parameters()).containsExactly("campaign_id");
    assertThat(manual.actions().getFirst().variables()).doesNotContain("event");

    for (Compatibility.Entry entry : catalogue) {
      for (Compatibility.ActionChoice choice : entry.actions()) {
        assertThat(expectedFit(choice.action(), entry.trigger())).as(entry.trigger() + " " + choice.action()).isTrue();
      }
      assertThat(entry.actions()).hasSize((int) Stream.of(ActionType.values())
          .filter(a -> expectedFit(a, entry.trigger())).count());
    }
  }

  private static Compatibility.Entry entry(List<Compatibility.Entry> catalogue, String trigger) {
    return catalogue.stream().filter(e -> e.trigger().equals(trigger)).findFirst().orElseThrow();
  }
}
