package herald.api;

import static herald.properties.Generators.anyText;
import static herald.properties.Generators.ints;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.orNull;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.properties.Theories;
import herald.testing.EventFiles;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Fuzzed requests at every operation of the OpenAPI document, through the real router on fresh stand-ins: random and
 * mutated bodies, long and odd path ids, tampered cursors, odd content types, deep nesting, invalid UTF-8. No answer
 * may be a 5xx, and every 4xx carries a JSON error code. The run's size is {@code -Dherald.fuzz.requests=N}
 * (default {@value #DEFAULT_REQUESTS}); it prints how many requests it sent and how many answered 5xx.
 */
class ApiFuzzTest {
  static final int DEFAULT_REQUESTS = 2000;
  private static final JsonNode DOCUMENT = OpenApiDoc.read();
  private static Env env;
  private static ApiHandler api;
  private static RecordingEventBridge bus;

  @BeforeAll
  static void start() {
    bus = new RecordingEventBridge();
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new ApiHandler(env);
    for (String file : List.of("api-put-brand.json", "api-create-customer.json", "api-create-distribution.json",
        "api-post-event.json")) {
      api.handleRequest(EventLoader.loadApiGatewayHttpEvent(EventFiles.path(file).toString()), null);
    }
  }

  @AfterAll
  static void stop() {
    bus.close();
  }

  @Test
  void noFuzzedRequestIsA5xxAndEveryRefusalHasACode() {
    int requests = Integer.getInteger("herald.fuzz.requests", DEFAULT_REQUESTS);
    List<String> serverErrors = new ArrayList<>();
    List<String> uncoded = new ArrayList<>();
    int[] sent = {0};
    Theories.check(requests, fuzzed(), request -> {
      sent[0]++;
      APIGatewayV2HTTPResponse response = api.handleRequest(request.event(), null);
      if (response.getStatusCode() >= 500) serverErrors.add(request + " -> " + response.getBody());
      if (response.getStatusCode() >= 400 && !html(response) && !hasCode(response.getBody())) {
        uncoded.add(request + " -> " + response.getStatusCode() + " " + response.getBody());
      }
    });
    System.out.printf("api fuzz: %d requests, %d answered 5xx, %d 4xx without a code%n", sent[0],
        serverErrors.size(), uncoded.size());
    uncoded.stream().limit(5).forEach(u -> System.out.println("  without a code: " + StandInApi.abbreviated(u)));
    assertThat(serverErrors).as("5xx answers").isEmpty();
    assertThat(uncoded).as("4xx answers without a JSON error code").isEmpty();
  }

  /** The unsubscribe link answers a person's browser with a page, its refusals included (as the document says). */
  private static boolean html(APIGatewayV2HTTPResponse response) {
    return response.getHeaders() != null && String.valueOf(response.getHeaders().get("content-type"))
        .startsWith("text/html");
  }

  private static boolean hasCode(String body) {
    try {
      return Json.parse(body).path("code").isTextual() && !Json.parse(body).path("code").asText().isBlank();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** One request: an operation of the document, its path filled in, a query, a content type and a body. */
  record Fuzzed(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    APIGatewayV2HTTPEvent event() {
      Map<String, String> headers = TestRequests.bearer("herald-local-key");
      headers.put("content-type", contentType);
      APIGatewayV2HTTPEvent event = TestRequests.event(method, path, null, headers);
      event.setQueryStringParameters(query.isEmpty() ? null : query);
      if (body != null) {
        String text = utf8OrNull(body);
        event.setIsBase64Encoded(text == null);
        event.setBody(text == null ? Base64.getEncoder().encodeToString(body) : text);
      }
      return event;
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : StandInApi.abbreviated(new String(body, StandardCharsets.UTF_8));
      return method + " " + StandInApi.abbreviated(path) + " " + query + " [" + contentType + "] " + shown;
    }
  }

  private static String utf8OrNull(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  private static Gen<Fuzzed> fuzzed() {
    List<String[]> operations = operations();
    Gen<String[]> operation = ints(0, operations.size() - 1).map(operations::get);
    return operation.zip(ids(), queries(), contentTypes(), bodies(), (op, id, query, type, body) ->
        new Fuzzed(op[0], op[1].replaceAll("\\{[a-z_]+}", java.util.regex.Matcher.quoteReplacement(id)), query, type, op[0].equals("GET") ? null : body));
  }

  /** Every method and path template of the OpenAPI document. */
  private static List<String[]> operations() {
    List<String[]> operations = new ArrayList<>();
    DOCUMENT.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (!method.equals("parameters")) operations.add(new String[] {method.toUpperCase(), path.getKey()});
    }));
    return operations;
  }

  private static Gen<String> ids() {
    return weighted(4, pick("dist_00000000000000000000000000000000", "seg_1", "cust_1", "key_1", "act_1",
            "a%40b.com", "%zz", "%00", "x%E2%9C%93"),
        2, anyText(1, 20).map(t -> t.replace("/", "_").isBlank() ? "x" : t.replace("/", "_")),
        1, ints(1, 5000).map(n -> "i".repeat(n)),
        1, ints(1, 800).map(n -> "\u00e9".repeat(n)));
  }

  private static Gen<Map<String, String>> queries() {
    return orNull(cursors(), 50).zip(orNull(pick("0", "1", "20", "-1", "1000000", "x", ""), 50),
        orNull(pick("ada-1", "", "x".repeat(3000), "\u0000"), 70), (cursor, limit, sourceId) -> {
          Map<String, String> query = new HashMap<>();
          if (cursor != null) query.put("cursor", cursor);
          if (limit != null) query.put("limit", limit);
          if (sourceId != null) query.put("source_id", sourceId);
          return query;
        });
  }

  /** Cursors as a client could tamper with them: JSON of any key names, empty or huge values, not base64 at all. */
  private static Gen<String> cursors() {
    Gen<String> keys = pick("{\"id\":\"\"}", "{\"id\":\"" + "x".repeat(3000) + "\"}", "{}", "[]", "null",
        "{\"list\":\"segments\",\"after\":\"\"}", "{\"list\":\"segments\",\"after\":\"" + "y".repeat(2000) + "\"}",
        "{\"subject\":\"\",\"at_key\":\"\"}", "{\"id\":\"a\",\"part\":\"\"}", "{\"id\":1}",
        "{\"id\":\"m\",\"distribution_id\":\"dist_00000000000000000000000000000000\",\"created_key\":\"\"}");
    return oneOf(keys.map(json -> Base64.getUrlEncoder().withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8))),
        anyText(0, 30), ints(1, 20_000).map(n -> "A".repeat(n)));
  }

  private static Gen<String> contentTypes() {
    return weighted(6, pick("application/json"), 2, pick("application/json; charset=utf-8",
            "Application/JSON;charset=\"UTF-8\"", "application/json; charset=latin1"),
        2, orNull(pick("text/plain", "text/csv", "application/x-ndjson", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "", ";", "application/json;;", "\u0000"), 30));
  }

  private static Gen<byte[]> bodies() {
    Gen<String> valid = pick("api-create-distribution.json", "api-create-customer.json", "api-post-event.json",
        "api-put-brand.json").map(ApiFuzzTest::validBody);
    Gen<String> text = oneOf(
        RandomJson.values(3).map(JsonNode::toString),
        RandomJson.garbage(),
        valid.zip(ints(0, 1000), RandomJson.values(2), ApiFuzzTest::mutated),
        ints(30, 1200).map(ApiFuzzTest::deep),
        pick("{\"name\":\"a\",\"name\":\"b\"}", "{\"source_id\":\"a\u0000b\"}", "{\"source_id\":\"a\uD800\"}",
            "{\"sender_name\":\"A\\r\\nBcc: x@y.z\",\"sender_email\":\"a@b.c\",\"postal_address\":\"x\"}",
            "{\"customer_ids\":[\"" + "c".repeat(3000) + "\"]}", "{\"customer_id\":\"" + "c".repeat(3000) + "\"}",
            "{\"name\":\"k\"}", "{}", ""));
    Gen<byte[]> invalidUtf8 = text.zip(ints(0, 100), (t, at) -> {
      byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
      byte[] broken = new byte[bytes.length + 2];
      int cut = bytes.length == 0 ? 0 : at % bytes.length;
      System.arraycopy(bytes, 0, broken, 0, cut);
      broken[cut] = (byte) 0xC3;
      broken[cut + 1] = (byte) 0x28;
      System.arraycopy(bytes, cut, broken, cut + 2, bytes.length - cut);
      return broken;
    });
    return weighted(8, text.map(t -> t.getBytes(StandardCharsets.UTF_8)), 1, invalidUtf8);
  }

  private static String validBody(String file) {
    return EventLoader.loadApiGatewayHttpEvent(EventFiles.path(file).toString()).getBody();
  }

  /** The valid body with one value, somewhere in it, replaced by random JSON. */
  private static String mutated(String body, int where, JsonNode value) {
    ObjectNode root = (ObjectNode) Json.parse(body);
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    ObjectNode target = objects.get(where % objects.size());
    List<String> names = new ArrayList<>();
    target.fieldNames().forEachRemaining(names::add);
    target.set(names.isEmpty() ? "extra" : names.get(where % names.size()), value);
    return root.toString();
  }

  private static void collect(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object) into.add(object);
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) collect(children.next(), into);
  }

  /** A customer or an event whose metadata or data nests this deep. */
  private static String deep(int depth) {
    String nested = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    return depth % 2 == 0
        ? "{\"source_id\":\"deep\",\"metadata\":" + nested + "}"
        : "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"deep\"},\"data\":" + nested + "}";
  }
}
