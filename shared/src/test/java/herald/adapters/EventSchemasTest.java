package herald.adapters;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import herald.adapters.json.EventSchemas;
import herald.domain.events.EventCatalogue;
import herald.domain.events.EventType;
import herald.domain.events.TriggerFilter;
import herald.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {
  private static final EventSchemas SCHEMAS = EventSchemas.load();
  private static final List<String> TIER_TYPES = taking(TriggerFilter.TIER_ID);
  private static final List<String> CAMPAIGN_TYPES = taking(TriggerFilter.CAMPAIGN_ID);

  /** The folder holds no other file: {@code herald.CatalogueSourcesTest}. */
  @Test
  void thereIsOneSchemaPerCatalogueTypeInCatalogueOrder() {
    assertThat(SCHEMAS.documents().keySet()).containsExactlyElementsOf(EventCatalogue.TYPES);
  }

  @ParameterizedTest
  @FieldSource("herald.domain.events.EventCatalogue#TYPES")
  void eachSchemaIsAValidDraft202012SchemaNamedAfterItsType(String type) {
    JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(SchemaId.V202012));
    JsonNode document = SCHEMAS.documents().get(type);

    assertThat(metaSchema.validate(document)).isEmpty();
    assertThat(document.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(document.path("title").asText()).isEqualTo(type);
    assertThat(document.path("description").asText()).isNotBlank();
    assertThat(document.path("type").asText()).isEqualTo("object");
  }

  @ParameterizedTest
  @FieldSource("herald.domain.events.EventCatalogue#TYPES")
  void eachSchemaAcceptsARealisticSample(String type) {
    assertThatCode(() -> SCHEMAS.check(type, sample(type))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @FieldSource("herald.domain.events.EventCatalogue#TYPES")
  void fieldsOfTheUsersOwnAreAllowedAtTheTopAndInsideObjects(String type) {
    Map<String, Object> data = sample(type);
    data.put("my_field", Map.of("anything", List.of(1, "two")));
    data.replaceAll((name, value) -> value instanceof Map<?, ?> m ? withExtra(m) : value);

    assertThatCode(() -> SCHEMAS.check(type, data)).doesNotThrowAnyException();
  }

  static Stream<Arguments> badData() {
    return Stream.of(
        Arguments.of("customer.segment.entered", "{}", "data.segment"),
        Arguments.of("customer.segment.left", "{\"segment\":{\"id\":5}}", "data.segment.id"),
        Arguments.of("customer.segment.entered", "{\"segment\":{\"name\":\"VIP\"}}", "data.segment.id"),
        Arguments.of("customer.order.paid", "{\"order_id\":\"o-1\"}", "data.order"),
        Arguments.of("customer.order.paid", "{\"order\":{\"id\":\"o-1\",\"amount\":\"12.90\"}}", "data.order.amount"),
        Arguments.of("customer.order.created", "{\"order\":{\"id\":\"o-1\",\"amount\":12.9}}", "data.order.amount"),
        Arguments.of("customer.order.updated", "{\"order\":{\"id\":\"o-1\",\"currency\":\"eur\"}}", "data.order.currency"),
        Arguments.of("customer.order.canceled", "{\"order\":{\"id\":\"o-1\",\"items\":[{\"quantity\":1},"
            + "{\"quantity\":\"two\"}]}}", "data.order.items[1].quantity"),
        Arguments.of("customer.voucher.gift.balance_added", "{\"voucher\":{\"code\":\"G-1\"},\"balance\":{\"total\":10}}",
            "data.balance.amount"),
        Arguments.of("customer.voucher.gift.balance_added", "{\"balance\":{\"amount\":500}}", "data.voucher"),
        Arguments.of("customer.voucher.loyalty_card.points_added", "{\"points\":{\"amount\":\"ten\"}}",
            "data.points.amount"),
        Arguments.of("customer.voucher.loyalty_card.pending_points.added",
            "{\"points\":{\"amount\":10},\"pending_points\":{\"points\":10}}", "data.pending_points.id"),
        Arguments.of("customer.rewarded.loyalty_points", "{\"campaign\":{\"id\":\"c\"}}", "data.points"),
        Arguments.of("customer.redemption.succeeded", "{\"redemption\":{\"id\":\"r-1\",\"amount\":true}}",
            "data.redemption.amount"),
        Arguments.of("customer.reward_redemptions.completed", "{\"reward\":{\"id\":\"rew-1\"}}", "data.reward.name"),
        Arguments.of("customer.publication.succeeded", "{\"voucher\":{\"code\":\"W-1\",\"expiration_date\":\"next week\"}}",
            "data.voucher.expiration_date"),
        Arguments.of("customer.publication.succeeded", "{\"campaign\":{\"id\":\"c\"}}", "data.voucher"),
        Arguments.of("customer.loyalty.tier.upgraded", "{\"tier\":{\"name\":\"Gold\"}}", "data.tier.id"),
        Arguments.of("customer.loyalty.tier.downgraded", "{\"tier\":{\"id\":\"t\"},\"previous_tier\":{\"id\":3}}",
            "data.previous_tier.id"),
        Arguments.of("customer.referred", "{\"referrer\":\"grace\"}", "data.referrer"),
        Arguments.of("customer.custom_event", "{\"event\":\"\"}", "data.event"),
        Arguments.of("customer.custom_event", "{\"plan\":\"gold\"}", "data.event"));
  }

  @ParameterizedTest
  @MethodSource("badData")
  void refusesTypicalBadDataWithThePathOfTheField(String type, String data, String field) {
    var refused = assertRefused(() -> SCHEMAS.check(type, Json.toMap(Json.parse(data))), "invalid_event_data", field);
    assertThat(refused.getMessage()).startsWith(field + ": ").contains(type);
  }

  @ParameterizedTest
  @FieldSource("CAMPAIGN_TYPES")
  void theCampaignIdTriggersFilterOnIsAStringAtDataCampaignId(String type) {
    Map<String, Object> data = sample(type);
    data.put("campaign", Map.of("id", 42));
    assertRefused(() -> SCHEMAS.check(type, data), "invalid_event_data", "data.campaign.id");
  }

  @ParameterizedTest
  @FieldSource("TIER_TYPES")
  void theTierIdTriggersFilterOnIsRequiredAtDataTierId(String type) {
    Map<String, Object> data = sample(type);
    data.put("tier", Map.of("name", "Gold"));
    assertRefused(() -> SCHEMAS.check(type, data), "invalid_event_data", "data.tier.id");
  }

  @Test
  void aCustomEventAcceptsAnyObjectBesideItsName() {
    Map<String, Object> data = Json.toMap(Json.parse("{\"event\":\"cart.abandoned\",\"cart\":{\"items\":[1,{\"a\":null}]},"
        + "\"total\":12.5,\"flags\":[true,false],\"note\":null,\"campaign\":\"spring\",\"segment\":7}"));
    assertThatCode(() -> SCHEMAS.check(EventCatalogue.CUSTOM_EVENT, data)).doesNotThrowAnyException();
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertRefused(() -> SCHEMAS.check("customer.nope", Map.of()), "unknown_event_type", "type");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withExtra(Map<?, ?> object) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) object);
    copy.put("x_custom", "mine");
    return copy;
  }

  private static List<String> taking(TriggerFilter filter) {
    return EventCatalogue.ALL.stream().filter(t -> t.filters().contains(filter)).map(EventType::name).toList();
  }

  static Map<String, Object> sample(String type) {
    try (InputStream in = EventSchemasTest.class.getClassLoader()
        .getResourceAsStream("herald/events/samples/" + type + ".json")) {
      assertThat(in).as("sample for " + type).isNotNull();
      ObjectNode node = (ObjectNode) Json.MAPPER.readTree(in);
      return new java.util.LinkedHashMap<>(Json.toMap(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
