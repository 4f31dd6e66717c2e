package herald.domain.distributions;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.activity.ActivityEntry;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CampaignSettings;
import herald.domain.campaigns.CampaignType;
import herald.domain.campaigns.PromotionTier;
import herald.domain.channels.email.EmailChannel;
import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.InMemoryActivity;
import herald.domain.fakes.InMemoryCampaigns;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.domain.templates.Templates;
import herald.testing.TestChannels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManageDistributionsTest {
  private final TestClock clock = new TestClock();
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final InMemoryActivity activity = new InMemoryActivity();
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryCampaigns campaigns = new InMemoryCampaigns();
  private final ManageDistributions manage = new ManageDistributions(distributions, segments, campaigns,
      new DistributionRules(new Templates(), new FakePatterns(), TestChannels.kinds()), activity, clock);

  ManageDistributionsTest() {
    segment("seg_1");
  }

  private void segment(String id) {
    segments.create(Segment.create(id, "Segment " + id, SegmentType.STATIC, null, T0));
  }

  private static DistributionDraft draft(EmailChannel channel) {
    return draft(Samples.custom("signup"), channel);
  }

  private static DistributionDraft draft(Trigger trigger, EmailChannel channel) {
    Audience audience = trigger.manual() ? Audience.segment("seg_1") : Audience.eventCustomer();
    return new DistributionDraft("Welcome", null, trigger, audience, Action.of(ActionType.PLAIN_MESSAGE),
        List.of(channel));
  }

  @Test
  void createStoresADraftAtVersionOne() {
    Distribution created = manage.create(draft(Samples.email()), "root");

    assertThat(created.id()).startsWith("dist_");
    assertThat(created.status()).isEqualTo(DistributionStatus.DRAFT);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(created.updatedAt()).isEqualTo(T0);
    assertThat(created.name()).isEqualTo("Welcome");
    assertThat(created.trigger()).isEqualTo(Samples.custom("signup"));
    assertThat(created.channels()).containsExactly(Samples.email());
    assertThat(distributions.get(created.id())).contains(created);
  }

  @Test
  void eachCreatedDistributionGetsItsOwnId() {
    assertThat(manage.create(draft(Samples.email()), "root").id()).isNotEqualTo(manage.create(draft(Samples.email()), "root").id());
  }

  @Test
  void createRefusesAnHtmlBodyThatDoesNotCompileNamingTheField() {
    Invalid invalid = catchThrowableOfType(Invalid.class,
        () -> manage.create(draft(new EmailChannel("Hi", "<p>{{#unclosed}}</p>", "Hi")), "root"));

    assertThat(invalid.code()).isEqualTo("invalid_template");
    assertThat(invalid.field()).isEqualTo("channels[0].html");
    assertThat(distributions.all()).isEmpty();
  }

  @Test
  void createNamesTheSubjectOrTextWhenThoseDoNotCompile() {
    assertThat(catchThrowableOfType(Invalid.class,
        () -> manage.create(draft(new EmailChannel("Hi {{#x}}", "<p>ok</p>", "ok")), "root")).field())
        .isEqualTo("channels[0].subject");
    assertThat(catchThrowableOfType(Invalid.class,
        () -> manage.create(draft(new EmailChannel("Hi", "<p>ok</p>", "{{/x}}")), "root")).field())
        .isEqualTo("channels[0].text");
  }

  @Test
  void createStoresNothingWhenATemplateIsInvalid() {
    assertThatThrownBy(() -> manage.create(draft(new EmailChannel("Hi", "{{#unclosed}}", null)), "root"))
        .isInstanceOf(Invalid.class);

    assertThat(distributions.all()).isEmpty();
  }

  @Test
  void movingStoresTheNewStatusAndVersion() {
    Distribution created = manage.create(draft(Samples.email()), "root");
    clock.advance(Duration.ofMinutes(5));

    Distribution active = manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root");

    assertThat(active.status()).isEqualTo(DistributionStatus.ACTIVE);
    assertThat(active.version()).isEqualTo(2);
    assertThat(active.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(distributions.get(created.id())).contains(active);
    assertThat(distributions.activeFor(Samples.CUSTOM)).containsExactly(active);

    Distribution paused = manage.moveTo(created.id(), DistributionStatus.PAUSED, "root");
    assertThat(paused.version()).isEqualTo(3);
    assertThat(distributions.activeFor(Samples.CUSTOM)).isEmpty();
  }

  @Test
  void aRefusedTransitionThrowsInvalidTransitionAndChangesNothing() {
    Distribution created = manage.create(draft(Samples.email()), "root");

    Conflict conflict = catchThrowableOfType(Conflict.class,
        () -> manage.moveTo(created.id(), DistributionStatus.PAUSED, "root"));

    assertThat(conflict.code()).isEqualTo("invalid_transition");
    assertThat(distributions.get(created.id())).contains(created);
    assertThat(distributions.replaces()).isZero();
  }

  @Test
  void aConcurrentChangeGivesVersionConflictAndKeepsTheOtherChange() {
    Distribution created = manage.create(draft(Samples.email()), "root");
    Distribution archivedMeanwhile = created.moveTo(DistributionStatus.ARCHIVED, T0);
    distributions.beforeNextReplace(() -> distributions.replace(archivedMeanwhile, 1));

    Conflict conflict = catchThrowableOfType(Conflict.class,
        () -> manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root"));

    assertThat(conflict.code()).isEqualTo("version_conflict");
    assertThat(distributions.get(created.id())).contains(archivedMeanwhile);
  }

  @Test
  void movingToTheCurrentStatusWritesNothing() {
    Distribution created = manage.create(draft(Samples.email()), "root");

    assertThat(manage.moveTo(created.id(), DistributionStatus.DRAFT, "root")).isEqualTo(created);
    assertThat(distributions.replaces()).isZero();
  }

  @Test
  void movingAnUnknownDistributionIsNotFound() {
    NotFound notFound = catchThrowableOfType(NotFound.class,
        () -> manage.moveTo("dist_missing", DistributionStatus.ACTIVE, "root"));

    assertThat(notFound.field()).isEqualTo("id");
    assertThat(notFound.getMessage()).contains("dist_missing");
  }

  @Test
  void everyChangeIsInTheActivityLogWithWhoDidIt() {
    Distribution created = manage.create(draft(Samples.email()), "root");
    clock.advance(Duration.ofMinutes(1));
    manage.moveTo(created.id(), DistributionStatus.ACTIVE, "ops");
    clock.advance(Duration.ofMinutes(1));
    Distribution edited = manage.edit(created.id(), draft(new EmailChannel("New", "<p>new</p>", null)), 2, "ops");
    manage.moveTo(created.id(), DistributionStatus.ARCHIVED, "root");
    manage.delete(created.id(), 4, "root");

    assertThat(edited.version()).isEqualTo(3);
    assertThat(activity.all()).extracting(ActivityEntry::action, ActivityEntry::actor, ActivityEntry::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("created", "root", 1L),
            org.assertj.core.groups.Tuple.tuple("activated", "ops", 2L),
            org.assertj.core.groups.Tuple.tuple("updated", "ops", 3L),
            org.assertj.core.groups.Tuple.tuple("archived", "root", 4L),
            org.assertj.core.groups.Tuple.tuple("deleted", "root", 4L));
    assertThat(activity.all()).allMatch(e -> e.subject().equals("distribution#" + created.id()));
    assertThat(activity.all().get(2).details()).isEqualTo(java.util.Map.of("changes", java.util.List.of("channels")));
    assertThat(distributions.get(created.id())).isEmpty();
  }

  @Test
  void anEditWithAStaleVersionIsAConflictAndChangesNothing() {
    Distribution created = manage.create(draft(Samples.email()), "root");
    manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root");

    Conflict conflict = catchThrowableOfType(Conflict.class,
        () -> manage.edit(created.id(), draft(new EmailChannel("New", "<p>x</p>", null)), 1, "root"));

    assertThat(conflict.code()).isEqualTo("version_conflict");
    assertThat(distributions.get(created.id()).orElseThrow().channels()).containsExactly(Samples.email());
  }

  @Test
  void ofTwoEditsFromTheSameVersionExactlyOneWins() {
    Distribution created = manage.create(draft(Samples.email()), "root");
    distributions.beforeNextReplace(() -> manage.edit(created.id(), draft(new EmailChannel("A", "<p>a</p>", null)),
        1, "first"));

    Conflict conflict = catchThrowableOfType(Conflict.class,
        () -> manage.edit(created.id(), draft(new EmailChannel("B", "<p>b</p>", null)), 1, "second"));

    assertThat(conflict.code()).isEqualTo("version_conflict");
    assertThat(((EmailChannel) distributions.get(created.id()).orElseThrow().channels().get(0)).subject())
        .isEqualTo("A");
    assertThat(activity.all()).extracting(ActivityEntry::actor).containsExactly("root", "first");
  }

  @Test
  void archivedDistributionsCannotBeEditedAndActiveOnesCannotBeDeleted() {
    Distribution created = manage.create(draft(Samples.email()), "root");
    manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root");

    assertThat(catchThrowableOfType(Conflict.class, () -> manage.delete(created.id(), 2, "root")).code())
        .isEqualTo("not_deletable");
    manage.moveTo(created.id(), DistributionStatus.ARCHIVED, "root");
    assertThat(catchThrowableOfType(Conflict.class,
        () -> manage.edit(created.id(), draft(Samples.email()), 3, "root")).code()).isEqualTo("not_editable");
  }

  @Test
  void aScheduledManualDistributionCanBeEditedButNotTurnedAutomatic() {
    Distribution created = manage.create(draft(Samples.manual(), Samples.email()), "root");
    manage.moveTo(created.id(), DistributionStatus.SCHEDULED, "root");

    Distribution edited = manage.edit(created.id(), draft(Samples.manual(), new EmailChannel("New", "<p>x</p>", null)),
        2, "root");
    assertThat(edited.status()).isEqualTo(DistributionStatus.SCHEDULED);

    assertThat(catchThrowableOfType(Conflict.class,
        () -> manage.edit(created.id(), draft(Samples.email()), 3, "root")).code()).isEqualTo("not_editable");
    assertThat(catchThrowableOfType(Conflict.class,
        () -> manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root")).code()).isEqualTo("invalid_transition");
  }

  @Test
  void createRefusesASegmentAudienceOrSegmentTriggerNamingNoSegmentAndStoresNothing() {
    DistributionDraft toNoSegment = new DistributionDraft("Sale", null, Samples.orderPaid(),
        Audience.segment("seg_missing"), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));
    DistributionDraft onNoSegment = new DistributionDraft("Welcome", null, new Trigger("customer.segment.entered",
        Map.of("segment_id", "seg_missing")), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(Samples.email()));

    Invalid audience = catchThrowableOfType(Invalid.class, () -> manage.create(toNoSegment, "root"));
    Invalid trigger = catchThrowableOfType(Invalid.class, () -> manage.create(onNoSegment, "root"));

    assertThat(audience.code()).isEqualTo("unknown_segment");
    assertThat(audience.field()).isEqualTo("audience.segment_id");
    assertThat(audience.getMessage()).contains("seg_missing");
    assertThat(trigger.code()).isEqualTo("unknown_segment");
    assertThat(trigger.field()).isEqualTo("trigger.filters.segment_id");
    assertThat(distributions.all()).isEmpty();
    assertThat(activity.all()).isEmpty();
  }

  @Test
  void createAcceptsSegmentsThatExistInTheAudienceAndTheTrigger() {
    segment("seg_vip");
    DistributionDraft draft = new DistributionDraft("Welcome", null, new Trigger("customer.segment.left",
        Map.of("segment_id", "seg_vip")), Audience.segment("seg_1"), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(Samples.email()));

    assertThat(manage.create(draft, "root").audience().segmentId()).isEqualTo("seg_1");
  }

  @Test
  void anEditNamingAnUnknownSegmentIsRefusedAndKeepsTheStoredDistribution() {
    Distribution created = manage.create(draft(Samples.manual(), Samples.email()), "root");
    DistributionDraft elsewhere = new DistributionDraft("Welcome", null, Samples.manual(),
        Audience.segment("seg_deleted"), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()));

    Invalid invalid = catchThrowableOfType(Invalid.class, () -> manage.edit(created.id(), elsewhere, 1, "root"));

    assertThat(invalid.code()).isEqualTo("unknown_segment");
    assertThat(invalid.field()).isEqualTo("audience.segment_id");
    assertThat(distributions.get(created.id())).contains(created);
  }

  @Test
  void activatingOrSendingADistributionWhoseSegmentIsGoneIsRefusedAndChangesNothing() {
    Distribution onEntry = manage.create(new DistributionDraft("Welcome", null, new Trigger("customer.segment.entered",
        Map.of("segment_id", "seg_1")), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(Samples.email())), "root");
    Distribution manual = manage.create(draft(Samples.manual(), Samples.email()), "root");
    segments.delete("seg_1");   // a delete that raced the saves

    Invalid activate = catchThrowableOfType(Invalid.class,
        () -> manage.moveTo(onEntry.id(), DistributionStatus.ACTIVE, "root"));
    Invalid send = catchThrowableOfType(Invalid.class,
        () -> manage.moveTo(manual.id(), DistributionStatus.SCHEDULED, "root"));

    assertThat(activate.code()).isEqualTo("unknown_segment");
    assertThat(activate.field()).isEqualTo("trigger.filters.segment_id");
    assertThat(send.field()).isEqualTo("audience.segment_id");
    assertThat(distributions.get(onEntry.id())).contains(onEntry);
    assertThat(distributions.get(manual.id())).contains(manual);
    assertThat(manage.moveTo(onEntry.id(), DistributionStatus.ARCHIVED, "root").status())
        .isEqualTo(DistributionStatus.ARCHIVED);
  }

  @Test
  void aPublishCodeActionMustNameACampaignThatExistsWhenSavedAndWhenActivated() {
    String welcome = "camp_" + "a".repeat(32);
    DistributionDraft toMissing = new DistributionDraft("Welcome", null, Samples.custom("signup"),
        Audience.eventCustomer(), new Action(ActionType.PUBLISH_CODE, welcome, null), List.of(Samples.email()));
    Invalid missing = catchThrowableOfType(Invalid.class, () -> manage.create(toMissing, "root"));
    assertThat(missing.code()).isEqualTo("unknown_campaign");
    assertThat(missing.field()).isEqualTo("action.campaign_id");
    assertThat(distributions.all()).isEmpty();

    campaigns.create(Campaign.create(welcome, new CampaignSettings("Welcome", CampaignType.DISCOUNT_VOUCHERS, null, null,
        false, null, false, null, null), T0));
    Distribution created = manage.create(toMissing, "root");
    campaigns.delete(welcome);   // a delete that raced the save
    Invalid activate = catchThrowableOfType(Invalid.class,
        () -> manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root"));
    assertThat(activate.code()).isEqualTo("unknown_campaign");
    assertThat(distributions.get(created.id())).contains(created);
  }

  @Test
  void aPublishCodeActionCannotNameAPromotionCampaignWhichHasTiersNotCodes() {
    String spring = "camp_" + "d".repeat(32);
    campaigns.create(Campaign.create(spring, new CampaignSettings("Spring", CampaignType.PROMOTION, null, null,
        false, null, false, null, List.of(new PromotionTier("gold", "Gold", null, null))), T0));
    DistributionDraft draft = new DistributionDraft("Codes", null, Samples.custom("signup"), Audience.eventCustomer(),
        new Action(ActionType.PUBLISH_CODE, spring, null), List.of(Samples.email()));

    Invalid refused = catchThrowableOfType(Invalid.class, () -> manage.create(draft, "root"));

    assertThat(refused.code() + " " + refused.field()).isEqualTo("invalid_value action.campaign_id");
    assertThat(distributions.all()).isEmpty();
  }

  @Test
  void aNotifyPromotionActionMustNameATierOfAPromotionCampaignWhenSavedAndWhenActivated() {
    String spring = "camp_" + "b".repeat(32);
    String welcome = "camp_" + "c".repeat(32);
    campaigns.create(Campaign.create(welcome, new CampaignSettings("Welcome", CampaignType.DISCOUNT_VOUCHERS, null, null,
        false, null, false, null, null), T0));
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put(null + "|gold", "missing_field action.campaign_id");
    refused.put(spring + "|gold", "unknown_campaign action.campaign_id");
    refused.put(welcome + "|gold", "invalid_value action.campaign_id");
    refused.put("camp_nope|gold", "unknown_campaign action.campaign_id");
    refused.forEach((action, expected) -> {
      String[] parts = action.split("\\|");
      Invalid e = catchThrowableOfType(Invalid.class, () -> manage.create(promotion(
          parts[0].equals("null") ? null : parts[0], parts[1]), "root"));
      assertThat(e.code() + " " + e.field()).as(action).isEqualTo(expected);
    });
    campaigns.create(Campaign.create(spring, new CampaignSettings("Spring", CampaignType.PROMOTION, null, null,
        false, null, false, null, List.of(new PromotionTier("gold", "Gold", null, null))), T0));
    Invalid noTier = catchThrowableOfType(Invalid.class, () -> manage.create(promotion(spring, "silver"), "root"));
    assertThat(noTier.code() + " " + noTier.field()).isEqualTo("unknown_promotion_tier action.promotion_tier_id");
    assertThat(distributions.all()).isEmpty();

    Distribution created = manage.create(promotion(spring, "gold"), "root");
    assertThat(created.action()).isEqualTo(new Action(ActionType.NOTIFY_PROMOTION, spring, "gold"));
    campaigns.replace(Campaign.create(spring, new CampaignSettings("Spring", CampaignType.PROMOTION, null, null,
        false, null, false, null, List.of(new PromotionTier("silver", "Silver", null, null))), T0), 1);
    Invalid activate = catchThrowableOfType(Invalid.class,
        () -> manage.moveTo(created.id(), DistributionStatus.ACTIVE, "root"));
    assertThat(activate.code()).isEqualTo("unknown_promotion_tier");
    assertThat(distributions.get(created.id())).contains(created);
  }

  private static DistributionDraft promotion(String campaignId, String tierId) {
    return new DistributionDraft("Spring", null, Samples.custom("signup"), Audience.eventCustomer(),
        new Action(ActionType.NOTIFY_PROMOTION, campaignId, tierId), List.of(Samples.email()));
  }
}
