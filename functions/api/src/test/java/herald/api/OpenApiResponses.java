package herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks an HTTP response against the OpenAPI 3.1 document: the status must be documented for the operation,
 * and the body must fit that response's JSON schema ({@code writeOnly} properties, such as secrets, must be
 * absent; formats such as date-time are asserted). Needs only Jackson and com.networknt:json-schema-validator,
 * so other modules' tests (the local runtime's end-to-end tests) can use it as it is: {@link #load()} reads
 * {@code openapi.json} from the class path, where the api function's jar puts it.
 */
public final class OpenApiResponses {
  private static final String BASE = "https://herald.invalid/openapi.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).writeOnly(true).build();

  private final JsonNode document;
  private final JsonSchemaFactory factory;
  private final List<Template> templates = new ArrayList<>();
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private OpenApiResponses(JsonNode document) {
    this.document = document;
    String text = document.toString();
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
        .metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
        .schemaLoaders(loaders -> loaders.schemas(Map.of(BASE, text))));
    for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
      templates.add(new Template(paths.next()));
    }
    // Literal segments win over parameters: /v1/distributions/catalogue before /v1/distributions/{id}.
    templates.sort(Comparator.comparingInt(Template::parameters));
  }

  /** The document {@code openapi.json} on the class path. */
  public static OpenApiResponses load() {
    try (InputStream in = OpenApiResponses.class.getClassLoader().getResourceAsStream("openapi.json")) {
      if (in == null) throw new IllegalStateException("openapi.json is not on the class path");
      return of(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static OpenApiResponses of(JsonNode document) {
    return new OpenApiResponses(document);
  }

  /** The documented path template a concrete path falls under, e.g. {@code /v1/distributions/{id}}; null if none. */
  public String template(String path) {
    for (Template t : templates) if (t.pattern.matcher(path).matches()) return t.text;
    return null;
  }

  /** Throws AssertionError naming every problem of the response to {@code method path} (a concrete path). */
  public void check(String method, String path, int status, String body) {
    String template = template(path);
    List<String> problems = template == null ? List.of("no path in the document matches " + path)
        : problems(method, template, status, body);
    if (!problems.isEmpty()) {
      throw new AssertionError(method + " " + path + " -> " + status + " does not fit the OpenAPI document:\n  "
          + String.join("\n  ", problems) + "\nbody: " + body);
    }
  }

  /** What is wrong with a response to {@code method template}; empty when it fits the document. */
  public List<String> problems(String method, String template, int status, String body) {
    JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) return List.of(method + " " + template + " is not in the document");
    JsonNode response = operation.path("responses").path(String.valueOf(status));
    if (response.isMissingNode()) return List.of("status " + status + " is not documented for " + method + " " + template);
    String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
    if (response.has("$ref")) {
      pointer = response.get("$ref").asText().substring(1);
      response = document.at(pointer);
    }
    JsonNode content = response.path("content").path("application/json");
    boolean empty = body == null || body.isBlank();
    if (content.isMissingNode() && response.path("content").has("text/html")) {
      return empty ? List.of("an HTML page is documented, but the body is empty") : List.of();
    }
    if (content.isMissingNode() && response.path("content").has("image/png")) {
      return empty ? List.of("an image is documented, but the body is empty") : List.of();
    }
    if (content.isMissingNode()) return empty ? List.of() : List.of("the response has no documented body, but got one");
    if (empty) return List.of("a JSON body is documented, but the body is empty");
    JsonNode parsed;
    try {
      parsed = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return List.of("the body is not JSON: " + e.getOriginalMessage());
    }
    String schemaPointer = pointer + "/content/" + escape("application/json") + "/schema";
    JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
        p -> factory.getSchema(SchemaLocation.of(BASE + "#" + p), CONFIG));
    List<String> problems = new ArrayList<>();
    for (ValidationMessage m : schema.validate(parsed)) problems.add(m.getMessage());
    return problems;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private record Template(String text, Pattern pattern, int parameters) {
    Template(String text) {
      this(text, Pattern.compile(Pattern.quote(text).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q")),
          text.split("\\{", -1).length - 1);
    }
  }
}
