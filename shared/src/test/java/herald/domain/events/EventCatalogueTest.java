package herald.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.events.EventType.Group;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventCatalogueTest {

  @Test
  void everyTypeIsNamedOnceInTheCustomerNamespace() {
    assertThat(EventCatalogue.TYPES).doesNotHaveDuplicates().allMatch(t -> t.startsWith("customer."))
        .doesNotContain(EventCatalogue.MANUAL);
  }

  @Test
  void theSegmentsFunctionHearsEveryTypeButTheSegmentEventsItPutsItself() {
    assertThat(EventCatalogue.heardBySegments()).doesNotContain(EventCatalogue.SEGMENT_ENTERED,
        EventCatalogue.SEGMENT_LEFT).containsAll(EventCatalogue.ALL.stream()
            .filter(t -> t.group() != Group.SEGMENTS).map(EventType::name).toList());
  }

  @Test
  void theOrderEventsAreTheOrdersGroupAndOnlyThey() {
    assertThat(EventCatalogue.TYPES.stream().filter(EventCatalogue::isOrder)).containsExactly(
        "customer.order.created", "customer.order.updated", "customer.order.paid", "customer.order.canceled");
    assertThat(EventCatalogue.isOrder(EventCatalogue.MANUAL)).isFalse();
    assertThat(EventCatalogue.isOrder(null)).isFalse();
  }

  @Test
  void manualIsATriggerTypeThatIsNeverOnTheBusAndTakesNoFilter() {
    assertThat(EventCatalogue.triggerTypes()).endsWith(EventCatalogue.MANUAL).startsWith(EventCatalogue.SEGMENT_ENTERED);
    assertThat(EventCatalogue.isTriggerType(EventCatalogue.MANUAL)).isTrue();
    assertThat(EventCatalogue.isBusType(EventCatalogue.MANUAL)).isFalse();
    assertThat(EventCatalogue.filters(EventCatalogue.MANUAL)).isEmpty();
    assertThat(EventCatalogue.isTriggerType("customer.order.refunded")).isFalse();
  }

  @Test
  void eachTypeTakesTheFiltersItsDataCanBeComparedOn() {
    assertThat(EventCatalogue.filters(EventCatalogue.SEGMENT_ENTERED))
        .containsExactly(TriggerFilter.SEGMENT_ID, TriggerFilter.INCLUDE_EXISTING_MEMBERS);
    assertThat(EventCatalogue.filters(EventCatalogue.SEGMENT_LEFT)).containsExactly(TriggerFilter.SEGMENT_ID);
    assertThat(EventCatalogue.filters(EventCatalogue.CUSTOM_EVENT)).containsExactly(TriggerFilter.EVENT);
    assertThat(EventCatalogue.filters("customer.loyalty.tier.upgraded"))
        .containsExactly(TriggerFilter.TIER_ID, TriggerFilter.CAMPAIGN_ID);
    assertThat(EventCatalogue.filters("customer.referred")).containsExactly(TriggerFilter.CAMPAIGN_ID);
    assertThat(EventCatalogue.filters(EventCatalogue.ORDER_PAID)).isEmpty();
  }

  @Test
  void everyPayloadIsCarriedBySomeTypeSoEveryActionReportingOneHasATrigger() {
    Arrays.stream(Payload.values()).forEach(p -> assertThat(EventCatalogue.carrying(p)).as(p.name()).isNotEmpty());
    assertThat(EventCatalogue.carrying(Payload.GIFT_CREDITS)).containsExactly("customer.voucher.gift.balance_added");
    assertThat(EventCatalogue.carrying(Payload.LOYALTY_POINTS)).contains("customer.rewarded.loyalty_points")
        .doesNotContain("customer.loyalty.tier.joined");
  }
}
