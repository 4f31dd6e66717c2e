package herald.api;

import static herald.properties.Generators.booleans;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.orNull;
import static herald.properties.Generators.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.RandomRules;
import herald.adapters.json.RuleMutations;
import herald.adapters.json.SegmentRuleJson;
import herald.platform.Json;
import herald.properties.Theories;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random and half-valid segments sent to POST /v1/segments and PUT /v1/segments/{id}: never a 5xx; a refusal
 * stores nothing (the segments table as it was, no async action, no job queued, nothing on the bus); what is
 * accepted reads back with the same rules.
 */
class SegmentInputPropertiesTest {
  private static final List<String> NAMES = List.of("name", "type", "rules", "customer_ids", "and", "or", "field",
      "operator", "value", "days_ago", "version", "id", "evaluation");
  private static StandInApi api;
  private static String member;
  private static String staticId;
  private static String autoId;

  @BeforeAll
  static void start() {
    api = new StandInApi();
    member = Json.parse(api.call("POST", "/v1/customers", "{\"source_id\":\"ada\",\"metadata\":{\"plan\":\"gold\"}}")
        .getBody()).path("id").asText();
    staticId = Json.parse(api.call("POST", "/v1/segments", "{\"name\":\"VIP\",\"type\":\"static\",\"customer_ids\":[\""
        + member + "\"]}").getBody()).path("id").asText();
    autoId = Json.parse(api.call("POST", "/v1/segments", "{\"name\":\"Gold\",\"type\":\"auto-update\",\"rules\":"
        + "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}}").getBody()).path("id").asText();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void aNewSegmentIsNeverA5xxARefusalStoresNothingAndTheRulesReadBack() {
    Theories.check(130, newSegments(), SegmentInputPropertiesTest::createsOrRefuses);
  }

  private static void createsOrRefuses(String body) {
    var segments = api.items("SEGMENTS_TABLE");
    long actions = api.count("ASYNC_ACTIONS_TABLE");
    long jobs = api.jobsQueued();
    int events = api.bus.entries().size();

    APIGatewayV2HTTPResponse response = api.call("POST", "/v1/segments", body);


    if (response.getStatusCode() >= 400) {
      api.assertUnchanged("SEGMENTS_TABLE", segments, body);
      assertThat(api.count("ASYNC_ACTIONS_TABLE")).as(body).isEqualTo(actions);
      assertThat(api.jobsQueued()).as(body).isEqualTo(jobs);
      assertThat(api.bus.entries()).as(body).hasSize(events);
      return;
    }
    assertThat(response.getStatusCode()).as(body).isEqualTo(201);
    JsonNode created = Json.parse(response.getBody());
    JsonNode sent = Json.parse(body);
    assertThat(created.path("name").asText()).isEqualTo(sent.path("name").asText().strip());
    assertThat(StandInApi.sameJson(created.path("rules"), sameRules(sent.get("rules")))).as(body).isTrue();
    JsonNode read = Json.parse(api.call("GET", "/v1/segments/" + created.path("id").asText(), null).getBody());
    assertThat(read).as(body).isEqualTo(created);
  }

  @Test
  void anEditIsNeverA5xxARefusalChangesNothingAndTheRulesReadBack() {
    Theories.check(80, edits(), SegmentInputPropertiesTest::editsOrRefuses);
  }

  private static void editsOrRefuses(Edit edit) {
    String id = edit.auto() ? autoId : staticId;
    JsonNode before = Json.parse(api.call("GET", "/v1/segments/" + id, null).getBody());
    long actions = api.count("ASYNC_ACTIONS_TABLE");
    long jobs = api.jobsQueued();
    long version = before.path("version").asLong() + edit.versionOffset();
    JsonNode sent = parsed(edit.body());
    if (edit.inBody() && sent instanceof ObjectNode object) object.put("version", version);
    String body = sent == null ? edit.body() : sent.toString();

    APIGatewayV2HTTPResponse response = api.call("PUT", "/v1/segments/" + id, body,
        edit.inHeader() ? Map.of("if-match", "\"" + version + "\"") : Map.of());

    JsonNode after = Json.parse(api.call("GET", "/v1/segments/" + id, null).getBody());
    if (response.getStatusCode() >= 400) {
      assertThat(after).as(body).isEqualTo(before);
      assertThat(api.count("ASYNC_ACTIONS_TABLE")).as(body).isEqualTo(actions);
      assertThat(api.jobsQueued()).as(body).isEqualTo(jobs);
      return;
    }
    assertThat(response.getStatusCode()).as(body).isEqualTo(200);
    JsonNode edited = Json.parse(response.getBody());
    assertThat(after).as(body).isEqualTo(edited);
    if (sent.hasNonNull("rules")) {
      assertThat(StandInApi.sameJson(edited.path("rules"), sameRules(sent.get("rules")))).as(body).isTrue();
    }
    if (sent.hasNonNull("name") && !sent.path("name").asText().isBlank()) {
      assertThat(edited.path("name").asText()).isEqualTo(sent.path("name").asText().strip());
    }
  }

  private static JsonNode parsed(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Rules as a GET must give them back: as SegmentRuleJson writes what it read (a missing node for none). */
  private static JsonNode sameRules(JsonNode sent) {
    return sent == null || sent.isNull() ? Json.object().path("rules")
        : SegmentRuleJson.write(SegmentRuleJson.parse(sent, "rules"));
  }

  private static Gen<String> newSegments() {
    Gen<ObjectNode> statics = names().zip(booleans(), (name, members) -> {
      ObjectNode body = Json.object().put("name", name).put("type", "static");
      if (members) body.putArray("customer_ids").add(member);
      return body;
    });
    Gen<ObjectNode> autos = names().zip(RandomRules.rules().map(SegmentRuleJson::write),
        (name, rules) -> (ObjectNode) Json.object().put("name", name).put("type", "auto-update").set("rules", rules));
    Gen<String> mutatedRules = names().zip(RuleMutations.rules(),
        (name, rules) -> Json.object().put("name", name).put("type", "auto-update").set("rules", rules).toString());
    return oneOf(statics.map(ObjectNode::toString), autos.map(ObjectNode::toString), mutatedRules,
        statics.flatMap(valid -> RandomJson.mutationsOf(valid, NAMES)),
        autos.flatMap(valid -> RandomJson.mutationsOf(valid, NAMES)),
        RandomJson.values(3).map(JsonNode::toString), RandomJson.garbage(), extremes());
  }

  /** Bodies at the limits: nesting deeper than the JSON parser allows, a long in list, a huge number. */
  private static Gen<String> extremes() {
    String auto = "{\"name\":\"X\",\"type\":\"auto-update\",\"rules\":";
    String condition = "{\"field\":\"metadata.n\",\"operator\":\"greater_than\",\"value\":1e999999999}";
    return pick(auto + "{\"and\":[".repeat(1500) + condition + "]}".repeat(1500) + "}",
        auto + "[".repeat(5000) + "]".repeat(5000) + "}",
        auto + "{\"field\":\"name\",\"operator\":\"in\",\"value\":[" + "\"a\",".repeat(20_000) + "\"b\"]}}",
        auto + condition + "}", auto + condition.replace("1e999999999", "-0.0") + "}");
  }

  private static Gen<Edit> edits() {
    Gen<ObjectNode> valid = orNull(names(), 30).zip(orNull(RandomRules.rules().map(SegmentRuleJson::write), 30),
        (name, rules) -> {
          ObjectNode body = Json.object();
          if (name != null) body.put("name", name);
          if (rules != null) body.set("rules", rules);
          return body;
        });
    Gen<String> bodies = oneOf(valid.map(ObjectNode::toString),
        RuleMutations.rules().map(rules -> Json.object().set("rules", rules).toString()),
        valid.flatMap(v -> RandomJson.mutationsOf(v.put("type", "auto-update"), NAMES)),
        RandomJson.values(2).map(JsonNode::toString), RandomJson.garbage());
    return booleans().zip(bodies, pick(true, true, false), booleans(), pick(0, 0, 0, -1, 1), Edit::new);
  }

  private static Gen<String> names() {
    return oneOf(pick("Gold customers", " padded ", "é✓😀"), RandomJson.strings());
  }

  /** A PUT to the static or the auto-update segment, its version in the body and/or If-Match (maybe stale). */
  record Edit(boolean auto, String body, boolean inBody, boolean inHeader, int versionOffset) {}
}
