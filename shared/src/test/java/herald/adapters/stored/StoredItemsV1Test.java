package herald.adapters.stored;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbApiKeys;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.dynamodb.DynamoDbBrandSettings;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbEventKeys;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.domain.brand.Brand;
import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.customers.Customer;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Items stored before stored items carried a schema version (v1, kept as fixtures in herald/stored/v1) still read:
 * every kind of item, put into its table exactly as an earlier Herald wrote it, and read through today's adapter.
 */
class StoredItemsV1Test {
  static final Instant T = Instant.parse("2026-11-30T09:00:00Z");
  static final String ADA = Customer.idFor("ada-1");
  static final String BOB = Customer.idFor("bob-2");
  static final Clock AT_T = Clock.fixed(T, ZoneOffset.UTC);
  static Env env;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void loadEveryFixture() {
    env = StandIns.get().freshEnv();
    dynamo = StandIns.dynamo(env);
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("DISTRIBUTIONS_TABLE", "distributions");
    tables.put("CUSTOMERS_TABLE", "customers");
    tables.put("SEGMENTS_TABLE", "segments");
    tables.put("SEGMENT_MEMBERS_TABLE", "segment-members");
    tables.put("MESSAGES_TABLE", "messages");
    tables.put("STATS_TABLE", "stats");
    tables.put("ASYNC_ACTIONS_TABLE", "async-actions");
    tables.put("API_KEYS_TABLE", "api-keys");
    tables.put("ACTIVITY_TABLE", "activity");
    tables.put("SUPPRESSIONS_TABLE", "suppressions");
    tables.put("SETTINGS_TABLE", "settings");
    tables.put("EVENT_KEYS_TABLE", "event-keys");
    tables.forEach((variable, fixture) -> StoredFixtures.load(dynamo, env.get(variable), "v1", fixture));
  }

  @Test
  void distributionsReadWithEveryPartAndEverySecret() {
    var distributions = new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds());
    Distribution auto = new Distribution("dist_v1_auto", "Points earned", "every channel Herald delivers",
        DistributionStatus.ACTIVE, new Trigger("customer.voucher.loyalty_card.points_added",
            Map.of("campaign_id", "camp_1"), "{\"points\":{\"amount\":[{\"numeric\":[\">\",0]}]}}"),
        Audience.eventCustomer(), Action.of(ActionType.LOYALTY_POINTS), List.of(
            new EmailChannel("You earned {{loyalty.points}}", "<p>Hi {{customer.name}}</p>", "Hi {{customer.name}}"),
            new SmsChannel("{{loyalty.points}} points", "transactional", "Acme"),
            new WebhookChannel("https://hooks.example.com/herald", "whsec_c3RvcmVkLXYxLXNlY3JldC0wMTIzNDU2Nzg5YWJjZGVm",
                Map.of("X-Team", "growth"), WebhookPayload.ENVELOPE)),
        3, T, T.plusSeconds(60));
    assertThat(distributions.get("dist_v1_auto")).contains(auto);
    assertThat(distributions.activeFor("customer.voucher.loyalty_card.points_added")).containsExactly(auto);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", "{{voucher.code}}");
    body.put("items", List.of("{{customer.name}}", 3, true));
    Distribution tools = new Distribution("dist_v1_tools", "Welcome code", null, DistributionStatus.DRAFT,
        new Trigger("customer.segment.entered", Map.of("segment_id", "seg_v1_auto", "include_existing_members", true),
            null),
        Audience.eventCustomer(), new Action(ActionType.PUBLISH_CODE, "camp_welcome", null), List.of(
            // stored before integrations: the channels' own credentials are read back and dropped
            new BrazeChannel(null, "source_id", Map.of("code", "{{voucher.code}}")),
            new MailchimpChannel(null, "aud123", Map.of("CODE", "{{voucher.code}}"), List.of("welcome")),
            new KlaviyoChannel(null, "Welcome code", Map.of("code", "{{voucher.code}}")),
            new IntercomChannel(null, "welcome-code", Map.of("code", "{{voucher.code}}")),
            new WebhookChannel("https://hooks.example.com/custom", "whsec_c3RvcmVkLXYxLXNlY3JldC1hYmNkZWYwMTIzNDU2Nzg5", Map.of(),
                WebhookPayload.custom(body))),
        1, T, T);
    assertThat(distributions.get("dist_v1_tools")).contains(tools);

    Distribution manual = distributions.get("dist_v1_manual").orElseThrow();
    assertThat(manual.status()).isEqualTo(DistributionStatus.SCHEDULED);
    assertThat(manual.manual()).isTrue();
    assertThat(manual.audience()).isEqualTo(Audience.segment("seg_v1_static"));
    assertThat(manual.action()).isEqualTo(new Action(ActionType.NOTIFY_PROMOTION, null, "promo_tier_1"));
    assertThat(manual.channels()).containsExactly(new EmailChannel("Sale", null, "Sale for {{customer.name}}"));
    assertThat(distributions.list(null, null, null, 10).items()).extracting(Distribution::id)
        .containsExactly("dist_v1_auto", "dist_v1_manual", "dist_v1_tools");   // created at once: by id
  }

  @Test
  void customersReadWithConsentsMetadataAndBehaviour() {
    var customers = new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"));
    Customer ada = customers.get(ADA).orElseThrow();
    assertThat(ada.sourceId()).isEqualTo("ada-1");
    assertThat(ada.name()).isEqualTo("Ada Lovelace");
    assertThat(ada.email()).isEqualTo("ada@example.com");
    assertThat(ada.phone()).isEqualTo("+447700900123");
    assertThat(ada.timezone()).isEqualTo("Europe/London");
    assertThat(ada.metadata()).containsEntry("plan", "gold").containsEntry("address", Map.of("city", "London"));
    assertThat(((Number) ada.metadata().get("age")).intValue()).isEqualTo(36);
    assertThat(ada.allows("email")).isTrue();
    assertThat(ada.allows("sms")).isFalse();
    assertThat(ada.consents().get("sms").at()).isEqualTo(T);
    assertThat(ada.behaviour().events().get("signed_up").count()).isEqualTo(1);
    assertThat(ada.behaviour().events().get("signed_up").lastAt()).isEqualTo(T);
    assertThat(ada.behaviour().orderCount()).isEqualTo(1);
    assertThat(ada.behaviour().orderTotalAmount()).isEqualTo(12500);
    assertThat(ada.behaviour().lastOrderAt()).isEqualTo(T);
    assertThat(ada.behaviour().counted("evt_2")).isTrue();
    assertThat(ada.behaviour().counted("evt_3")).isFalse();
    assertThat(ada.createdAt()).isEqualTo(T);
    assertThat(ada.updatedAt()).isEqualTo(T.plusSeconds(5));
    assertThat(ada.version()).isEqualTo(2);

    Customer bob = customers.get(BOB).orElseThrow();
    assertThat(bob.name()).isNull();
    assertThat(bob.metadata()).isEmpty();
    assertThat(bob.behaviour().orderCount()).isZero();
  }

  @Test
  void segmentsAndMembershipReadWithRulesSeqsAndPendingAnnouncements() {
    var segments = new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE"));
    Segment auto = segments.get("seg_v1_auto").orElseThrow();
    Segment vips = segments.get("seg_v1_static").orElseThrow();
    assertThat(auto.type()).isEqualTo(SegmentType.AUTO_UPDATE);
    assertThat(auto.name()).isEqualTo("Big spenders");
    assertThat(auto.evaluationId()).isEqualTo("act_v1_eval");
    assertThat(auto.rule().dependsOnNow()).isTrue();
    Customer ada = new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE")).get(ADA).orElseThrow();
    assertThat(auto.rule().matches(ada, T)).isTrue();
    assertThat(vips.type()).isEqualTo(SegmentType.STATIC);
    assertThat(segments.all()).hasSize(2);

    var memberships = new DynamoDbMemberships(dynamo, env.get("SEGMENT_MEMBERS_TABLE"));
    assertThat(memberships.of(ADA, List.of(auto, vips))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "seg_v1_auto", new Membership(true, 1, false, T), "seg_v1_static", new Membership(true, 1, true, T)));
    assertThat(memberships.of(BOB, List.of(vips)))
        .containsEntry("seg_v1_static", new Membership(false, 2, true, T.plusSeconds(30)));
    assertThat(memberships.count(auto)).isEqualTo(1);
    assertThat(memberships.count(vips)).isEqualTo(1);
    assertThat(memberships.members("seg_v1_auto", auto.shardOf(ADA), null, 10).items()).hasSize(1);
  }

  @Test
  void messagesAndTheirCountersRead() {
    var messages = new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), AT_T);
    List<Message> all = messages.forDistribution("dist_v1_auto", null, 10).items();
    assertThat(all).extracting(Message::channel).containsExactlyInAnyOrder("email", "sms", "webhook");
    Message email = all.stream().filter(m -> m.channel().equals("email")).findFirst().orElseThrow();
    assertThat(email.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(email.providerId()).isEqualTo("ses-0001");
    assertThat(email.customerId()).isEqualTo(ADA);
    assertThat(email.eventId()).isEqualTo("evt_v1");
    Message sms = messages.get(all.stream().filter(m -> m.channel().equals("sms")).findFirst().orElseThrow().id())
        .orElseThrow();
    assertThat(sms.status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(sms.reason()).isEqualTo("no_consent");
    assertThat(all.stream().filter(m -> m.channel().equals("webhook")).findFirst().orElseThrow().status())
        .isEqualTo(MessageStatus.QUEUED);

    var counters = new DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE")).of("dist_v1_auto");
    assertThat(counters.get("email")).containsEntry(MessageStatus.SENT, 1L);
    assertThat(counters.get("sms")).containsEntry(MessageStatus.SKIPPED, 1L);
  }

  @Test
  void asyncActionsReadWithTheirProgressAndRejectedRows() {
    var actions = new DynamoDbAsyncActions(dynamo, env.get("ASYNC_ACTIONS_TABLE"), AT_T);
    AsyncAction imported = actions.get("act_v1_import").orElseThrow();
    assertThat(imported.type()).isEqualTo(AsyncActionType.CUSTOMERS_IMPORT);
    assertThat(imported.count("rows_read")).isEqualTo(6);   // as stored: a part's count and the total, added
    assertThat(imported.count("imported")).isEqualTo(2);
    assertThat(imported.count("rejected")).isEqualTo(1);
    assertThat(actions.rejected("act_v1_import", null, 10).items()).singleElement().satisfies(row -> {
      assertThat(row.line()).isEqualTo(3);
      assertThat(row.code()).isEqualTo("invalid_email");
      assertThat(row.field()).isEqualTo("email");
    });
    AsyncAction evaluation = actions.get("act_v1_eval").orElseThrow();
    assertThat(evaluation.type()).isEqualTo(AsyncActionType.SEGMENT_EVALUATION);
    assertThat(evaluation.parts()).isEqualTo(4);
    assertThat(evaluation.partsDone()).isEqualTo(1);
    assertThat(evaluation.count("entered")).isEqualTo(1);
    assertThat(evaluation.createdAt()).isEqualTo(T);
  }

  @Test
  void keysActivitySuppressionsBrandAndEventKeysRead() {
    var key = new DynamoDbApiKeys(dynamo, env.get("API_KEYS_TABLE")).get("key_v1").orElseThrow();
    assertThat(key.name()).isEqualTo("ci");
    assertThat(key.secretHash()).isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assertThat(key.createdAt()).isEqualTo(T);
    assertThat(key.revoked()).isFalse();

    var activity = new DynamoDbActivity(dynamo, env.get("ACTIVITY_TABLE")).of("dist_v1_auto", null, 10).items();
    assertThat(activity).singleElement().satisfies(entry -> {
      assertThat(entry.at()).isEqualTo(T);
      assertThat(entry.actor()).isEqualTo("root");
      assertThat(entry.action()).isEqualTo("activated");
      assertThat(entry.version()).isEqualTo(3);
    });

    var suppressions = new DynamoDbSuppressions(dynamo, env.get("SUPPRESSIONS_TABLE"));
    assertThat(suppressions.contains("Bounced@Example.com")).isTrue();
    assertThat(suppressions.list(null, 10).items()).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo("hard_bounce"));

    assertThat(new DynamoDbBrandSettings(dynamo, env.get("SETTINGS_TABLE")).brand())
        .contains(new Brand("Acme Shop", "hello@acme.test", "1 Market Street, Springfield"));
    assertThat(new DynamoDbEventKeys(dynamo, env.get("EVENT_KEYS_TABLE"), AT_T).claim("evt_v1_key")).isFalse();
  }
}
