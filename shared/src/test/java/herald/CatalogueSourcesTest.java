package herald;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.distributions.ActionType;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Compatibility;
import herald.domain.events.EventCatalogue;
import herald.sam.EventSource;
import herald.sam.Template;
import herald.sam.TemplateReader;
import herald.sam.Values;
import herald.testing.CatalogueCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event catalogue is written once, in the domain; the JSON schema files, template.yaml's rules and the
 * compatibility table are checked against it as sets (the OpenAPI document in the api module's tests). Each check
 * is also fed a copy with one type missing and one extra, and must name both.
 */
class CatalogueSourcesTest {
  private static final String MISSING = "customer.order.paid";
  private static final String EXTRA = "customer.order.refunded";

  @Test
  void theSchemaFolderHoldsOneSchemaPerCatalogueTypeAndNoOther() {
    assertThatCode(() -> CatalogueCheck.schemaFiles(schemaFolder())).doesNotThrowAnyException();
  }

  @Test
  void theSampleDataFolderHoldsOneSamplePerCatalogueTypeAndNoOther() {
    Path samples = schemaFolder().resolve("../../../../test/resources/herald/events/samples").normalize();
    assertThatCode(() -> CatalogueCheck.filePerType(samples, ".json")).doesNotThrowAnyException();
  }

  @Test
  void aSchemaFolderWithATypeMissingAndOneExtraFailsNamingBoth(@TempDir Path copy) throws IOException {
    try (var files = Files.list(schemaFolder())) {
      for (Path file : files.toList()) Files.copy(file, copy.resolve(file.getFileName()));
    }
    Files.delete(copy.resolve(MISSING + ".schema.json"));
    Files.writeString(copy.resolve(EXTRA + ".schema.json"), "{}");

    assertThatThrownBy(() -> CatalogueCheck.schemaFiles(copy)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing [" + MISSING + "]").hasMessageContaining("extra [" + EXTRA + "]");
  }

  @Test
  void theTemplatesRulesMatchEveryTypeForTheTriggerFunctionAndTheHeardOnesForTheSegmentsFunction() throws IOException {
    Template template = template();

    assertThatCode(() -> CatalogueCheck.templateRules(template)).doesNotThrowAnyException();
  }

  @Test
  void aRuleWithATypeMissingAndOneExtraFailsNamingBoth() throws IOException {
    for (String function : List.of("TriggerFunction", "SegmentsFunction")) {
      Template template = template();
      List<String> types = new ArrayList<>(CatalogueCheck.detailTypes(template, function));
      types.remove(MISSING);
      types.add(EXTRA);

      assertThatThrownBy(() -> CatalogueCheck.templateRules(withDetailTypes(template, function, types)))
          .isInstanceOf(AssertionError.class).hasMessageContaining(function)
          .hasMessageContaining("missing [" + MISSING + "]").hasMessageContaining("extra [" + EXTRA + "]");
    }
  }

  @Test
  void aSegmentEventInTheSegmentsFunctionsRuleIsExtra() throws IOException {
    Template template = template();
    List<String> types = new ArrayList<>(CatalogueCheck.detailTypes(template, "SegmentsFunction"));
    types.add(EventCatalogue.SEGMENT_LEFT);

    assertThatThrownBy(() -> CatalogueCheck.templateRules(withDetailTypes(template, "SegmentsFunction", types)))
        .hasMessageContaining("extra [" + EventCatalogue.SEGMENT_LEFT + "]");
  }

  @Test
  void theCompatibilityTableHasOneEntryPerTriggerTypeWithTheCataloguesFiltersAndPayloads() {
    assertThatCode(() -> CatalogueCheck.compatibility(Compatibility.catalogue())).doesNotThrowAnyException();
  }

  @Test
  void aCompatibilityTableWithATypeMissingAndOneExtraFailsNamingBoth() {
    List<Compatibility.Entry> table = new ArrayList<>(Compatibility.catalogue());
    table.removeIf(entry -> entry.trigger().equals(MISSING));
    table.add(new Compatibility.Entry(EXTRA, List.of(), true, List.of(AudienceType.EVENT_CUSTOMER), List.of()));

    assertThatThrownBy(() -> CatalogueCheck.compatibility(table)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing [" + MISSING + "]").hasMessageContaining("extra [" + EXTRA + "]");
  }

  @Test
  void aCompatibilityTableOfferingAnActionOnATypeThatDoesNotCarryItsDataFails() {
    List<Compatibility.Entry> table = new ArrayList<>(Compatibility.catalogue());
    Compatibility.Entry paid = table.stream().filter(e -> e.trigger().equals(MISSING)).findFirst().orElseThrow();
    List<Compatibility.ActionChoice> actions = new ArrayList<>(paid.actions());
    actions.add(new Compatibility.ActionChoice(ActionType.GIFT_CREDITS, List.of(),
        List.of(AudienceType.EVENT_CUSTOMER), List.of()));
    table.set(table.indexOf(paid), new Compatibility.Entry(paid.trigger(), paid.filters(), paid.pattern(),
        paid.audiences(), actions));

    assertThatThrownBy(() -> CatalogueCheck.compatibility(table))
        .hasMessageContaining("gift_credits").hasMessageContaining("extra [" + MISSING + "]");
  }

  private static Template template() throws IOException {
    return TemplateReader.read(TemplateReader.projectTemplate());
  }

  /** The template with the function's rules on Herald's bus matching {@code types} instead. */
  private static Template withDetailTypes(Template template, String functionId, List<String> types) {
    List<Template.Function> functions = template.functions().stream().map(f -> {
      if (!f.logicalId().equals(functionId)) return f;
      List<EventSource> events = f.events().stream().map(source -> {
        if (!(source instanceof EventSource.Rule rule) || rule.bus() == null) return source;
        Map<String, Object> pattern = new LinkedHashMap<>(Values.map(rule.pattern()));
        pattern.put("detail-type", types);
        return (EventSource) new EventSource.Rule(rule.name(), rule.bus(), pattern, rule.maximumRetryAttempts(),
            rule.maximumEventAgeInSeconds(), rule.deadLetterArn());
      }).toList();
      return new Template.Function(f.logicalId(), f.handler(), f.environment(), f.timeout(), f.memorySize(), events);
    }).toList();
    return new Template(template.parameters(), template.conditions(), template.mappings(), template.resources(),
        functions, template.tables(), template.queues(), template.buses());
  }

  /** The schema files' folder in the sources (what the build copies could hold stale files). */
  private static Path schemaFolder() {
    return TemplateReader.projectTemplate().getParent().resolve("shared/src/main/resources/herald/events");
  }
}
