package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.channels.Channel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.fakes.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionDraftTest {
  private static DistributionDraft with(String name, String description, List<Channel> channels) {
    return new DistributionDraft(name, description, Samples.orderPaid(), Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), channels);
  }

  @Test
  void refusesMissingParts() {
    assertRefused(() -> with(" ", null, List.of(Samples.email())), "missing_field", "name");
    assertRefused(() -> new DistributionDraft("n", null, null, Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email())), "missing_field", "trigger");
    assertRefused(() -> new DistributionDraft("n", null, Samples.orderPaid(), null,
        Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email())), "missing_field", "audience");
    assertRefused(() -> new DistributionDraft("n", null, Samples.orderPaid(), Audience.eventCustomer(), null,
        List.of(Samples.email())), "missing_field", "action");
    assertRefused(() -> with("n", null, List.of()), "missing_field", "channels");
    assertRefused(() -> with("n", null, null), "missing_field", "channels");
  }

  @Test
  void limitsTheNameAndDescription() {
    assertRefused(() -> with("n".repeat(201), null, List.of(Samples.email())), "too_long", "name");
    assertRefused(() -> with("n", "d".repeat(2001), List.of(Samples.email())), "too_long", "description");
    assertThat(with(" Welcome ", "  ", List.of(Samples.email()))).satisfies(d -> {
      assertThat(d.name()).isEqualTo("Welcome");
      assertThat(d.description()).isNull();
    });
  }

  @Test
  void refusesTheSameChannelTypeTwiceNamingTheSecond() {
    assertRefused(() -> with("n", null, List.of(Samples.email(), new SmsChannel("x", null, null), Samples.email())),
        "duplicate_channel", "channels[2].type");
  }

  @Test
  void itsChannelsCannotBeChangedAfterwards() {
    List<Channel> channels = new ArrayList<>(List.of(Samples.email()));
    DistributionDraft draft = with("n", null, channels);

    channels.clear();

    assertThat(draft.channels()).hasSize(1);
  }

  @Test
  void anActionTakesOnlyItsOwnParameters() {
    assertRefused(() -> new Action(ActionType.PUBLISH_CODE, null, null), "missing_field", "action.campaign_id");
    assertRefused(() -> new Action(ActionType.NOTIFY_PROMOTION, null, " "), "missing_field",
        "action.promotion_tier_id");
    assertRefused(() -> new Action(ActionType.PLAIN_MESSAGE, "camp_1", null), "unknown_field", "action.campaign_id");
    assertRefused(() -> new Action(ActionType.PUBLISH_CODE, "camp_1", "tier_1"), "unknown_field",
        "action.promotion_tier_id");
    assertRefused(() -> new Action(null, null, null), "missing_field", "action.type");
    assertThat(new Action(ActionType.PUBLISH_CODE, " camp_1 ", null).campaignId()).isEqualTo("camp_1");
  }

  @Test
  void anAudienceTakesOnlyItsOwnId() {
    assertRefused(() -> new Audience(AudienceType.SEGMENT, null, null), "missing_field", "audience.segment_id");
    assertRefused(() -> new Audience(AudienceType.CUSTOMER, null, ""), "missing_field", "audience.customer_id");
    assertRefused(() -> new Audience(AudienceType.EVENT_CUSTOMER, "seg_1", null), "unknown_field",
        "audience.segment_id");
    assertRefused(() -> new Audience(AudienceType.SEGMENT, "seg_1", "cust_1"), "unknown_field",
        "audience.customer_id");
    assertRefused(() -> new Audience(null, null, null), "missing_field", "audience.type");
  }

  @Test
  void createMakesADraftAtVersionOne() {
    DistributionDraft draft = new DistributionDraft("Welcome", "Says hi", Samples.manual(), Audience.segment("seg_1"),
        new Action(ActionType.PUBLISH_CODE, "camp_1", null), List.of(Samples.email()));

    Distribution created = Distribution.create("dist_1", draft, T0);

    assertThat(created).isEqualTo(new Distribution("dist_1", "Welcome", "Says hi", DistributionStatus.DRAFT,
        Samples.manual(), Audience.segment("seg_1"), new Action(ActionType.PUBLISH_CODE, "camp_1", null),
        List.of(Samples.email()), 1, T0, T0));
    assertThat(created.manual()).isTrue();
  }

  @Test
  void editKeepsIdStatusAndCreationAndMovesTheVersionOn() {
    Distribution active = Samples.distribution("dist_1", DistributionStatus.ACTIVE, Samples.orderPaid());
    DistributionDraft draft = new DistributionDraft("Renamed", null, Samples.custom("signup"),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(new SmsChannel("x", null, null)));

    Distribution edited = active.edit(draft, T0.plusSeconds(60));

    assertThat(edited.id()).isEqualTo("dist_1");
    assertThat(edited.status()).isEqualTo(DistributionStatus.ACTIVE);
    assertThat(edited.version()).isEqualTo(2);
    assertThat(edited.createdAt()).isEqualTo(T0);
    assertThat(edited.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(edited.name()).isEqualTo("Renamed");
    assertThat(edited.trigger()).isEqualTo(Samples.custom("signup"));
    assertThat(edited.channels()).containsExactly(new SmsChannel("x", null, null));
    assertThat(edited.manual()).isFalse();
  }

  @Test
  void movingAManualDistributionFollowsTheManualLifecycle() {
    Distribution manual = Distribution.create("dist_m", Drafts.draft("manual", ActionType.PLAIN_MESSAGE), T0);

    Distribution scheduled = manual.moveTo(DistributionStatus.SCHEDULED, T0.plusSeconds(1));

    assertThat(scheduled.status()).isEqualTo(DistributionStatus.SCHEDULED);
    assertThat(scheduled.version()).isEqualTo(2);
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(herald.domain.common.Conflict.class,
        () -> manual.moveTo(DistributionStatus.ACTIVE, T0)).code()).isEqualTo("invalid_transition");
  }
}
