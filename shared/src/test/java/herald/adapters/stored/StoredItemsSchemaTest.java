package herald.adapters.stored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbApiKeys;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.dynamodb.DynamoDbBrandSettings;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbEventKeys;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbRejectedEvents;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.domain.activity.ActivityEntry;
import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.distributions.Distribution;
import herald.domain.events.RejectedEvent;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import herald.domain.keys.ApiKey;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every item Herald writes says its layout ({@code schema_version}): distributions 3 (their document is the
 * storage's own form, pinned by the fixtures in herald/stored/v3; v2 is still read), customers 2 (the change's mark and the
 * tombstone), everything else 1. An item of a layout later than this Herald knows is refused, never misread.
 */
class StoredItemsSchemaTest {
  static final Instant T = Instant.parse("2026-11-30T09:00:00Z");
  static final Clock AT_T = Clock.fixed(T, ZoneOffset.UTC);
  private Env env;
  private DynamoDbClient dynamo;

  @BeforeEach
  void freshTables() {
    env = StandIns.get().freshEnv();
    dynamo = StandIns.dynamo(env);
  }

  @Test
  void distributionsAreStoredInLayout3ExactlyAsTheFixturesPinIt() {
    var distributions = new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds());
    List<Distribution> v1 = v1Distributions();
    v1.forEach(distributions::create);

    List<JsonNode> written = new ArrayList<>();
    for (var item : scan("DISTRIBUTIONS_TABLE")) written.add(StoredFixtures.json(item));
    List<JsonNode> pinned = new ArrayList<>();
    for (var item : StoredFixtures.items("v3", "distributions")) pinned.add(StoredFixtures.json(item));

    assertThat(written).as("the stored form changed: give it a new layout, and keep reading the old one")
        .containsExactlyInAnyOrderElementsOf(pinned);
    for (JsonNode item : written) {
      JsonNode doc = Json.parse(item.path("doc").path("S").asText());
      assertThat(doc.has("id") || doc.has("status") || doc.has("version")).as("layouts 2 and 3 keep those on the item")
          .isFalse();
    }
    assertThat(v1.stream().map(d -> distributions.get(d.id()).orElseThrow()).toList()).isEqualTo(v1);
  }

  @Test
  void distributionsOfLayout2ReadBackWithTheirToolCredentialsDropped() {
    StoredFixtures.load(dynamo, env.get("DISTRIBUTIONS_TABLE"), "v2", "distributions");
    var distributions = new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds());

    assertThat(v1Distributions().stream().map(d -> distributions.get(d.id()).orElseThrow()).toList())
        .isEqualTo(v1Distributions());
  }

  @Test
  void aDistributionsChannelsKeepTheirStoredFormFromLayout1ToLayout2() {
    List<JsonNode> before = new ArrayList<>();
    for (var item : StoredFixtures.items("v1", "distributions")) {
      before.add(Json.parse(item.get("doc").s()).get("channels"));
    }
    List<JsonNode> after = new ArrayList<>();
    for (var item : StoredFixtures.items("v2", "distributions")) {
      after.add(Json.parse(item.get("doc").s()).get("channels"));
    }
    assertThat(after).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void everyKindOfItemCarriesItsLayout() {
    new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"), AT_T).save(
        new Customer(Customer.idFor("ada-1"), "ada-1", "Ada", "ada@example.com", null, Map.of(), T, T));
    Segment segment = Segment.create("seg_1", "VIPs", SegmentType.STATIC, null, T);
    new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE")).create(segment);
    new DynamoDbMemberships(dynamo, env.get("SEGMENT_MEMBERS_TABLE"))
        .change(segment, Customer.idFor("ada-1"), Membership.NEVER, true, T);
    new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), AT_T).claim(new Message("msg_1", "dist_1", "evt_1",
        "cust_1", "email", MessageStatus.SENDING, null, null, T, T));
    new DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE")).moved("dist_1", "email", null, MessageStatus.SENDING);
    var actions = new DynamoDbAsyncActions(dynamo, env.get("ASYNC_ACTIONS_TABLE"), AT_T);
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, 1, T));
    actions.record("act_1", new Progress("p0@0", null, Map.of("rejected", 1L),
        List.of(new RejectedRow(2, "invalid_email", "email", "email is not an email address"))));
    new DynamoDbApiKeys(dynamo, env.get("API_KEYS_TABLE")).create(new ApiKey("key_1", "ci", "hash", T, null, null));
    new DynamoDbActivity(dynamo, env.get("ACTIVITY_TABLE")).record(new ActivityEntry("dist_1", T, "root", "created", 1));
    new DynamoDbSuppressions(dynamo, env.get("SUPPRESSIONS_TABLE")).add("gone@example.com", "hard_bounce", T);
    new DynamoDbBrandSettings(dynamo, env.get("SETTINGS_TABLE")).save(new Brand("Acme", "hi@acme.test", "1 Main St"));
    new DynamoDbEventKeys(dynamo, env.get("EVENT_KEYS_TABLE"), AT_T).claim("key_1");
    new DynamoDbRejectedEvents(dynamo, env.get("REJECTED_EVENTS_TABLE"), AT_T).record(new RejectedEvent("rej_1",
        "evt_1", "customer.custom_event", "shop", T, null, "missing_field", "detail.id", "id is required", T));

    assertThat(layouts("CUSTOMERS_TABLE")).containsOnly("2");
    for (String table : List.of("SEGMENTS_TABLE", "SEGMENT_MEMBERS_TABLE", "MESSAGES_TABLE", "STATS_TABLE",
        "ASYNC_ACTIONS_TABLE", "API_KEYS_TABLE", "ACTIVITY_TABLE", "SUPPRESSIONS_TABLE", "SETTINGS_TABLE",
        "EVENT_KEYS_TABLE", "REJECTED_EVENTS_TABLE")) {
      assertThat(layouts(table)).as(table).isNotEmpty().containsOnly("1");
    }
  }

  @Test
  void anItemOfALaterLayoutIsRefusedRatherThanMisread() {
    StoredFixtures.load(dynamo, env.get("DISTRIBUTIONS_TABLE"), "v2", "distributions");
    StoredFixtures.load(dynamo, env.get("CUSTOMERS_TABLE"), "v1", "customers");
    StoredFixtures.load(dynamo, env.get("SEGMENTS_TABLE"), "v1", "segments");
    StoredFixtures.load(dynamo, env.get("MESSAGES_TABLE"), "v1", "messages");
    laterLayout("DISTRIBUTIONS_TABLE");
    laterLayout("CUSTOMERS_TABLE");
    laterLayout("SEGMENTS_TABLE");
    laterLayout("MESSAGES_TABLE");

    refused(() -> new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds())
        .get("dist_v1_auto"));
    refused(() -> new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE")).get(Customer.idFor("ada-1")));
    refused(() -> new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE")).get("seg_v1_auto"));
    refused(() -> new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), AT_T)
        .forDistribution("dist_v1_auto", null, 10));
  }

  private static void refused(Runnable read) {
    assertThatThrownBy(read::run).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("layout 9, written by a later Herald");
  }

  /** Every item of the table marked as written in layout 9. */
  private void laterLayout(String variable) {
    for (var item : scan(variable)) {
      var later = new java.util.HashMap<>(item);
      later.put("schema_version", AttributeValue.fromN("9"));
      dynamo.putItem(r -> r.tableName(env.get(variable)).item(later));
    }
  }

  private List<String> layouts(String variable) {
    return scan(variable).stream().map(item -> item.get("schema_version"))
        .map(v -> v == null ? "none" : v.n()).toList();
  }

  private List<Map<String, AttributeValue>> scan(String variable) {
    return dynamo.scan(r -> r.tableName(env.get(variable))).items();
  }

  /** The distributions of the v1 fixtures, as today's adapter reads them. */
  private List<Distribution> v1Distributions() {
    Env other = StandIns.get().freshEnv();
    DynamoDbClient client = StandIns.dynamo(other);
    StoredFixtures.load(client, other.get("DISTRIBUTIONS_TABLE"), "v1", "distributions");
    var reader = new DynamoDbDistributions(client, other.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds());
    return List.of("dist_v1_auto", "dist_v1_manual", "dist_v1_tools").stream()
        .map(id -> reader.get(id).orElseThrow()).toList();
  }
}
