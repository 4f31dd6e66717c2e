package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import herald.domain.channels.ChannelKind;
import herald.platform.Env;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document in the repo (functions/api/src/main/resources/openapi.json) against what the api serves. */
class OpenApiTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static JsonNode document;
  private static Router router;

  @BeforeAll
  static void load() {
    document = OpenApiDoc.read();
    Env env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    router = DaggerApiComponent.factory().create(env).router();
  }

  @Test
  void parsesAsAnOpenApi31DocumentWithEveryReferenceResolved() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString(), null, options);

    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).startsWith("3.1.");
    assertThat(api.getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
    assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      path.getValue().readOperationsMap().forEach((method, op) ->
          assertThat(op.getResponses()).as(method + " " + path.getKey()).isNotEmpty());
    }
  }

  @Test
  void everyReferenceNamesAnExistingComponent() {
    Set<String> missing = new TreeSet<>();
    collectRefs(document, missing);
    missing.removeIf(ref -> !document.at(ref.substring(1)).isMissingNode());
    assertThat(missing).isEmpty();
  }

  @Test
  void everyComponentSchemaIsAValidJsonSchema() {
    JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(SchemaId.V202012));
    for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("schemas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = it.next();
      assertThat(metaSchema.validate(schema.getValue())).as(schema.getKey()).isEmpty();
    }
  }

  @Test
  void everyRouteServedIsDocumentedAndEveryDocumentedOneIsServed() {
    Set<String> served = router.routes().stream().map(r -> r.method() + " " + r.template())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method)) documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
    }));

    assertThat(served).as("served routes missing from the document").isSubsetOf(documented);
    assertThat(documented).as("documented routes the api does not serve").isSubsetOf(served);
  }

  @Test
  void onlyThePublicRoutesNeedNoKeyAndEveryOtherDocumentsItsRefusals() {
    assertThat(document.path("security").get(0).has("bearer")).isTrue();
    forEachOperation((method, path, op) -> {
      boolean isPublic = Router.PUBLIC.contains(path);
      if (isPublic) {
        assertThat(op.path("security").isArray() && op.path("security").isEmpty()).as(method + " " + path).isTrue();
      } else {
        assertThat(op.has("security")).as(method + " " + path + " uses the global bearer key").isFalse();
        assertThat(op.path("responses").has("401")).as(method + " " + path + " 401").isTrue();
        assertThat(op.path("responses").has("403")).as(method + " " + path + " 403").isTrue();
      }
    });
    assertThat(Router.PUBLIC).containsExactlyInAnyOrder("/v1/health", "/v1/openapi.json", "/v1/unsubscribe", "/v1/qr");
  }

  @Test
  void everyErrorResponseIsTheOneErrorShapeAndEveryBodyRouteDocuments400And413() {
    forEachOperation((method, path, op) -> {
      op.path("responses").fields().forEachRemaining(response -> {
        if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
          JsonNode resolved = resolve(response.getValue());
          if (resolved.path("content").has("text/html")) return;   // the unsubscribe pages, for people
          assertThat(resolved.at("/content/application~1json/schema/$ref").asText())
              .as(method + " " + path + " " + response.getKey()).isEqualTo("#/components/schemas/Error");
        }
      });
      if (op.has("requestBody")) {
        assertThat(op.path("responses").has("400")).as(method + " " + path).isTrue();
        assertThat(op.path("responses").has("413")).as(method + " " + path).isTrue();
      }
    });
  }

  @Test
  void theDistributionsVariantsAreOneOfWithADiscriminatorOnType() {
    JsonNode schemas = document.path("components").path("schemas");
    for (String union : List.of("Trigger", "Audience", "Action", "Channel")) {
      JsonNode schema = schemas.path(union);
      assertThat(schema.path("discriminator").path("propertyName").asText()).as(union).isEqualTo("type");
      assertThat(schema.path("oneOf").size()).as(union).isGreaterThan(1);
      schema.path("discriminator").path("mapping").fields().forEachRemaining(m ->
          assertThat(document.at(m.getValue().asText().substring(1)).isMissingNode()).as(m.getKey()).isFalse());
    }
    Set<String> triggerTypes = new TreeSet<>();
    schemas.path("Trigger").path("discriminator").path("mapping").fieldNames().forEachRemaining(triggerTypes::add);
    Set<String> expected = new TreeSet<>(herald.domain.events.EventCatalogue.TYPES);
    expected.add(herald.domain.events.EventCatalogue.MANUAL);
    assertThat(triggerTypes).isEqualTo(expected);
    assertThat(schemas.path("Action").path("discriminator").path("mapping").size()).isEqualTo(7);
    Set<String> channelTypes = new TreeSet<>();
    schemas.path("Channel").path("discriminator").path("mapping").fieldNames().forEachRemaining(channelTypes::add);
    assertThat(channelTypes).as("every channel kind bound in ChannelsModule, and no other").isEqualTo(
        TestChannels.kinds().all().stream().map(ChannelKind::type).collect(Collectors.toCollection(TreeSet::new)));
    assertThat(schemas.path("Audience").path("discriminator").path("mapping").size()).isEqualTo(3);
  }

  @Test
  void theServedDocumentIsTheFileAndNeedsNoKey() {
    HttpResponse response = router.handle(new HttpRequest("GET", "/v1/openapi.json", Map.of(), Map.of(), null));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(document);
    assertThat(response.body().at("/servers/0/url").asText()).as("relative when the address is unknown").isEqualTo("/");
    OpenApiResponses.of(document).check("GET", "/v1/openapi.json", 200, response.body().toString());
  }

  @Test
  void theServedDocumentNamesTheUrlItWasFetchedFrom() {
    assertThat(servedAt(Map.of("host", "localhost:3457"), null, null)).isEqualTo("http://localhost:3457");
    assertThat(servedAt(Map.of("host", "127.0.0.1:3457"), "127.0.0.1:3457", "$default"))
        .isEqualTo("http://127.0.0.1:3457");
    assertThat(servedAt(Map.of("host", "abc123.execute-api.eu-west-1.amazonaws.com", "x-forwarded-proto", "https"),
        "abc123.execute-api.eu-west-1.amazonaws.com", "prod"))
        .isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com/prod");
    assertThat(servedAt(Map.of("host", "internal:8080", "x-forwarded-host", "api.example.com",
        "x-forwarded-proto", "https, http"), null, "$default")).isEqualTo("https://api.example.com");
    assertThat(servedAt(Map.of("host", "evil.example\r\nX: y"), null, null)).as("not a host name").isEqualTo("/");
    assertThat(servedAt(Map.of("host", "api.example.com", "x-forwarded-proto", "javascript"), null, null))
        .isEqualTo("/");
  }

  private String servedAt(Map<String, String> headers, String domainName, String stage) {
    HttpRequest request = new HttpRequest("GET", "/v1/openapi.json", headers, Map.of(), null);
    request = request.withServerUrl(ServerUrl.of(request, domainName, stage));
    HttpResponse response = router.handle(request);
    assertThat(response.body().path("servers")).hasSize(1);
    assertThat((JsonNode) ((ObjectNode) response.body().deepCopy()).without("servers")).isEqualTo((JsonNode) ((ObjectNode) document.deepCopy()).without("servers"));
    return response.body().at("/servers/0/url").asText();
  }

  @Test
  void theResponseCheckerRefusesWhatTheDocumentDoesNotAllow() {
    OpenApiResponses responses = OpenApiResponses.of(document);
    assertThat(responses.template("/v1/distributions/catalogue")).isEqualTo("/v1/distributions/catalogue");
    assertThat(responses.template("/v1/distributions/dist_1/activate")).isEqualTo("/v1/distributions/{id}/activate");
    assertThat(responses.problems("GET", "/v1/health", 200, "{\"status\":\"ok\"}")).isEmpty();
    assertThat(responses.problems("GET", "/v1/health", 200, "{\"status\":\"down\"}")).isNotEmpty();
    assertThat(responses.problems("GET", "/v1/health", 418, "{}")).isNotEmpty();
    assertThat(responses.problems("DELETE", "/v1/api-keys/{id}", 204, "")).isEmpty();
    assertThat(responses.problems("GET", "/v1/customers/{id}", 404, "{\"code\":\"not_found\"}")).isNotEmpty();
    String webhook = "{\"id\":\"dist_1\",\"name\":\"n\",\"status\":\"DRAFT\",\"version\":1,"
        + "\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":\"event_customer\"},"
        + "\"action\":{\"type\":\"plain_message\"},\"created_at\":\"2026-11-25T10:00:00Z\","
        + "\"updated_at\":\"2026-11-25T10:00:00Z\",\"channels\":[{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/h\",";
    assertThat(responses.problems("GET", "/v1/distributions/{id}", 200, webhook + "\"secret_set\":true}]}")).isEmpty();
    assertThat(responses.problems("GET", "/v1/distributions/{id}", 200, webhook + "\"secret\":\"0123456789abcdef\"}]}"))
        .as("a write-only secret in a response").isNotEmpty();
  }

  private interface OperationVisitor {
    void visit(String method, String path, JsonNode operation);
  }

  private static void forEachOperation(OperationVisitor visitor) {
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      if (METHODS.contains(op.getKey())) visitor.visit(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue());
    }));
  }

  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getKey().equals("$ref") && f.getValue().isTextual()) refs.add(f.getValue().asText());
        else collectRefs(f.getValue(), refs);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
    if (node.has("mapping") && node.path("mapping").isObject()) {
      node.path("mapping").forEach(m -> refs.add(m.asText()));
    }
  }
}
