package herald.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's Globals and AWS::Serverless::* resources against the SAM schema AWS publishes
 * (src/test/resources/sam/, with a note on its source): each part against its own definition, so that a broken
 * resource is named with what is wrong, rather than drowned in the alternatives of the whole template's schema.
 */
class SamSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SCHEMA = resource("/sam/sam.schema.json");
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
  private static final Map<String, JsonSchema> DEFINITIONS = new ConcurrentHashMap<>();

  @Test
  void heraldTemplatesSamPartsMatchTheSamSchema() throws IOException {
    Map<String, Object> template = TemplateReader.load(Files.readString(TemplateReader.projectTemplate()));

    Map<String, List<String>> problems = problems(template);

    assertThat(problems).as("what the SAM schema refuses in template.yaml").isEmpty();
    assertThat(samResourceIds(template)).as("the SAM resources checked")
        .contains("ApiFunction", "SenderFunction", "HeraldApi").hasSizeGreaterThanOrEqualTo(9);
  }

  /**
   * The schema passes ScalingConfig through unchecked; Lambda takes a MaximumConcurrency from 2 to 1,000. The fan-out
   * and send queues take theirs from a template parameter, whose bounds and default must be within that.
   */
  @Test
  void theFanoutAndSendQueuesCapTheirConcurrencyWithinWhatLambdaAccepts() throws IOException {
    Map<String, Object> template = TemplateReader.load(Files.readString(TemplateReader.projectTemplate()));
    Map<String, Object> parameters = Values.map(template.get("Parameters"));

    for (String[] source : new String[][] {{"SenderFunction", "SendQueue", "SenderMaxConcurrency"},
        {"FanoutFunction", "FanoutQueue", "FanoutMaxConcurrency"}}) {
      Map<String, Object> function = Values.map(Values.map(template.get("Resources")).get(source[0]));
      Map<String, Object> properties = Values.map(Values.map(Values.map(Values.map(function.get("Properties"))
          .get("Events")).get(source[1])).get("Properties"));
      Map<String, Object> scaling = Values.map(properties.get("ScalingConfig"));

      assertThat(scaling).as(source[0]).containsOnlyKeys("MaximumConcurrency");
      assertThat(scaling.get("MaximumConcurrency")).as(source[0]).isEqualTo(Map.of("Ref", source[2]));
      Map<String, Object> parameter = Values.map(parameters.get(source[2]));
      assertThat(parameter.get("Type")).as(source[2]).isEqualTo("Number");
      assertThat((Integer) parameter.get("MinValue")).as(source[2]).isGreaterThanOrEqualTo(2);
      assertThat((Integer) parameter.get("MaxValue")).as(source[2]).isLessThanOrEqualTo(1000);
      assertThat((Integer) parameter.get("Default")).as(source[2]).isBetween(2, 1000);
    }
  }

  @Test
  void aBrokenTemplateIsRefusedPartByPartWithWhatIsWrong() throws IOException {
    String yaml;
    try (InputStream in = SamSchemaTest.class.getResourceAsStream("/sam/broken-template.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Map<String, List<String>> problems = problems(TemplateReader.load(yaml));

    assertThat(problems).containsOnlyKeys("Globals", "MisspeltFunction", "WrongValueFunction", "UnknownApiProperty",
        "NoSuchSamType");
    assertThat(problems.get("Globals")).anyMatch(m -> m.contains("Runtim"));
    assertThat(problems.get("MisspeltFunction")).anyMatch(m -> m.contains("Handlr"));
    assertThat(problems.get("WrongValueFunction")).anyMatch(m -> m.contains("Tracing"));
    assertThat(problems.get("UnknownApiProperty")).anyMatch(m -> m.contains("FailOnWarning"));
    assertThat(problems.get("NoSuchSamType")).anyMatch(m -> m.contains("AWS::Serverless::Lambda"));
  }

  // ------------------------------------------------------------------ helpers

  /** What the schema refuses, by part: "Globals" or a resource's logical id. */
  static Map<String, List<String>> problems(Map<String, Object> template) {
    Map<String, List<String>> problems = new TreeMap<>();
    if (template.containsKey("Globals")) {
      add(problems, "Globals", definition("__main____Globals").validate(JSON.valueToTree(template.get("Globals"))));
    }
    Values.map(template.get("Resources")).forEach((id, value) -> {
      Map<String, Object> resource = Values.map(value);
      String type = String.valueOf(resource.get("Type"));
      if (!type.startsWith("AWS::Serverless::")) return;
      String definition = definitionOf(type);
      if (definition == null) {
        problems.put(id, List.of(type + " is no SAM resource type the schema knows"));
      } else {
        add(problems, id, definition(definition).validate(JSON.valueToTree(resource)));
      }
    });
    return problems;
  }

  private static List<String> samResourceIds(Map<String, Object> template) {
    return Values.map(template.get("Resources")).entrySet().stream()
        .filter(e -> String.valueOf(Values.map(e.getValue()).get("Type")).startsWith("AWS::Serverless::"))
        .map(Map.Entry::getKey).toList();
  }

  private static void add(Map<String, List<String>> problems, String part, java.util.Set<ValidationMessage> found) {
    if (!found.isEmpty()) problems.put(part, found.stream().map(ValidationMessage::getMessage).sorted().toList());
  }

  /** The definition among the schema's resource alternatives whose Type enum holds this type, or null. */
  private static String definitionOf(String type) {
    for (JsonNode alternative : SCHEMA.at("/properties/Resources/additionalProperties/anyOf")) {
      String name = alternative.path("$ref").asText().replace("#/definitions/", "");
      for (JsonNode allowed : SCHEMA.path("definitions").path(name).at("/properties/Type/enum")) {
        if (allowed.asText().equals(type)) return name;
      }
    }
    return null;
  }

  /** The schema document with its root replaced by a reference to one of its definitions. */
  private static JsonSchema definition(String name) {
    return DEFINITIONS.computeIfAbsent(name, n -> {
      assertThat(SCHEMA.path("definitions").has(n)).as("definition " + n + " in the SAM schema").isTrue();
      ObjectNode root = JSON.createObjectNode();
      root.put("$schema", SCHEMA.path("$schema").asText());
      root.set("definitions", SCHEMA.path("definitions"));
      root.put("$ref", "#/definitions/" + n);
      return FACTORY.getSchema(root);
    });
  }

  private static JsonNode resource(String path) {
    try (InputStream in = SamSchemaTest.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("no test resource " + path);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
