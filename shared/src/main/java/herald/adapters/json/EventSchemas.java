package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import herald.domain.common.Invalid;
import herald.domain.events.EventCatalogue;
import herald.domain.intake.EventDataRules;
import herald.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON schemas (draft 2020-12) of each catalogue type's {@code data}, read from
 * {@code herald/events/<type>.schema.json} on the class path, and the check of a data object against them.
 */
public final class EventSchemas implements EventDataRules {
  private static final String FOLDER = "herald/events/";
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();

  private final Map<String, JsonNode> documents;
  private final Map<String, JsonSchema> schemas;

  private EventSchemas(Map<String, JsonNode> documents) {
    this.documents = documents;
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    Map<String, JsonSchema> compiled = new LinkedHashMap<>();
    documents.forEach((type, document) -> compiled.put(type, factory.getSchema(document, CONFIG)));
    this.schemas = compiled;
  }

  /** The schema of every catalogue type; fails when one is missing, so a build without them does not start. */
  public static EventSchemas load() {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (String type : EventCatalogue.TYPES) documents.put(type, read(FOLDER + type + ".schema.json"));
    return new EventSchemas(documents);
  }

  /** Each catalogue type's schema document, in catalogue order (copies: the compiled schemas stay as loaded). */
  public Map<String, JsonNode> documents() {
    Map<String, JsonNode> copies = new LinkedHashMap<>();
    documents.forEach((type, document) -> copies.put(type, document.deepCopy()));
    return Collections.unmodifiableMap(copies);
  }

  @Override
  public void check(String type, Map<String, Object> data) {
    JsonSchema schema = schemas.get(type);
    if (schema == null) throw new Invalid("unknown_event_type", "type", "unknown event type " + type);
    Set<ValidationMessage> errors = schema.validate(Json.MAPPER.valueToTree(data == null ? Map.of() : data));
    if (errors.isEmpty()) return;
    ValidationMessage first = errors.stream().min(Comparator.comparing((ValidationMessage m) -> field(m))).orElseThrow();
    String field = field(first);
    throw new Invalid("invalid_event_data", field, field + ": " + first.getError() + " (" + type + ")");
  }

  /** {@code data.order.items[0].price}: where the error is, with the missing property for {@code required}. */
  static String field(ValidationMessage message) {
    StringBuilder field = new StringBuilder("data");
    JsonNodePath at = message.getInstanceLocation();
    for (int i = 0; i < at.getNameCount(); i++) {
      Object element = at.getElement(i);
      if (element instanceof Integer index) field.append('[').append(index).append(']');
      else field.append('.').append(element);
    }
    if ("required".equals(message.getType()) && message.getProperty() != null) {
      field.append('.').append(message.getProperty());
    }
    return field.toString();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing event schema " + resource);
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
