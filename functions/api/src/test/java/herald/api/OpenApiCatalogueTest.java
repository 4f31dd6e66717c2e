package herald.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerFilter;
import herald.testing.CatalogueCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document's enums of event and trigger types, checked against the event catalogue as sets: the events
 * catalogue's types, the compatibility table's triggers, the Trigger union's discriminator, and each Trigger variant
 * (its types are those taking exactly its filters). Each check is also fed a copy with one type missing and one
 * extra, and must name both.
 */
class OpenApiCatalogueTest {
  private static final String MISSING = "customer.order.paid";
  private static final String EXTRA = "customer.order.refunded";
  private static final String EVENT_TYPES = "/components/schemas/EventCatalogue/properties/data/items/properties/type/enum";
  private static final String TRIGGERS = "/components/schemas/Compatibility/properties/data/items/properties/trigger/enum";
  private static final String VARIANTS = "/components/schemas/Trigger/oneOf";
  private static final String MAPPING = "/components/schemas/Trigger/discriminator/mapping";

  /** Every enum of event or trigger types in the document against the catalogue. */
  static void check(JsonNode document) {
    CatalogueCheck.same("openapi.json EventCatalogue type enum", EventCatalogue.TYPES, texts(document.at(EVENT_TYPES)));
    CatalogueCheck.same("openapi.json Compatibility trigger enum", EventCatalogue.triggerTypes(),
        texts(document.at(TRIGGERS)));
    List<String> mapped = new ArrayList<>();
    document.at(MAPPING).fieldNames().forEachRemaining(mapped::add);
    CatalogueCheck.same("openapi.json Trigger discriminator mapping", EventCatalogue.triggerTypes(), mapped);
    List<String> inVariants = new ArrayList<>();
    for (JsonNode ref : document.at(VARIANTS)) {
      String pointer = ref.path("$ref").asText().substring(1);
      JsonNode variant = document.at(pointer);
      String name = pointer.substring(pointer.lastIndexOf('/') + 1);
      List<String> types = texts(variant.at("/properties/type/enum"));
      inVariants.addAll(types);
      Set<String> filters = new TreeSet<>();
      variant.at("/properties/filters/properties").fieldNames().forEachRemaining(filters::add);
      List<String> taking = EventCatalogue.triggerTypes().stream().filter(t -> names(t).equals(filters)).toList();
      CatalogueCheck.same("openapi.json " + name + " type enum (the types taking the filters " + filters + ")",
          taking.stream().filter(t -> pattern(t) == variant.at("/properties/pattern").isObject()).toList(), types);
      types.forEach(type -> {
        if (!document.at(MAPPING).path(type).asText().equals(ref.path("$ref").asText())) {
          throw new AssertionError("openapi.json Trigger discriminator maps " + type + " elsewhere than " + name);
        }
      });
    }
    CatalogueCheck.same("openapi.json Trigger variants' type enums", EventCatalogue.triggerTypes(), inVariants);
  }

  @Test
  void everyEnumOfEventAndTriggerTypesIsTheCatalogue() {
    assertThatCode(() -> check(OpenApiDoc.read())).doesNotThrowAnyException();
  }

  @Test
  void anEventCatalogueEnumWithATypeMissingAndOneExtraFailsNamingBoth() {
    JsonNode document = OpenApiDoc.read().deepCopy();
    replaceOne((ArrayNode) document.at(EVENT_TYPES));

    assertFailsNamingBoth(document, "EventCatalogue type enum");
  }

  @Test
  void aCompatibilityTriggerEnumWithATypeMissingAndOneExtraFailsNamingBoth() {
    JsonNode document = OpenApiDoc.read().deepCopy();
    replaceOne((ArrayNode) document.at(TRIGGERS));

    assertFailsNamingBoth(document, "Compatibility trigger enum");
  }

  @Test
  void aTriggerVariantWithATypeMissingAndOneExtraFailsNamingBoth() {
    JsonNode document = OpenApiDoc.read().deepCopy();
    replaceOne((ArrayNode) document.at("/components/schemas/OrderTrigger/properties/type/enum"));

    assertFailsNamingBoth(document, "OrderTrigger type enum");
  }

  @Test
  void aDiscriminatorWithATypeMissingAndOneExtraFailsNamingBoth() {
    JsonNode document = OpenApiDoc.read().deepCopy();
    ObjectNode mapping = (ObjectNode) document.at(MAPPING);
    mapping.set(EXTRA, mapping.remove(MISSING));

    assertFailsNamingBoth(document, "Trigger discriminator mapping");
  }

  @Test
  void aTypeInTheVariantOfOtherFiltersFails() {
    JsonNode document = OpenApiDoc.read().deepCopy();
    ((ArrayNode) document.at("/components/schemas/CampaignTrigger/properties/type/enum")).add(MISSING);

    assertThatThrownBy(() -> check(document)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("CampaignTrigger").hasMessageContaining("extra [" + MISSING + "]");
  }

  private static void assertFailsNamingBoth(JsonNode document, String where) {
    assertThatThrownBy(() -> check(document)).isInstanceOf(AssertionError.class).hasMessageContaining(where)
        .hasMessageContaining("missing [" + MISSING + "]").hasMessageContaining("extra [" + EXTRA + "]");
  }

  /** Replaces MISSING with EXTRA in an enum. */
  private static void replaceOne(ArrayNode values) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).asText().equals(MISSING)) values.set(i, EXTRA);
    }
  }

  private static Set<String> names(String triggerType) {
    Set<String> names = new TreeSet<>();
    EventCatalogue.filters(triggerType).stream().map(TriggerFilter::name).forEach(names::add);
    return names;
  }

  /** Whether the trigger takes a pattern: every bus type does, manual does not. */
  private static boolean pattern(String triggerType) {
    return EventCatalogue.isBusType(triggerType);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }
}
