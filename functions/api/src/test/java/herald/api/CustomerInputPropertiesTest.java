package herald.api;

import static herald.properties.Generators.booleans;
import static herald.properties.Generators.lists;
import static herald.properties.Generators.oneOf;
import static herald.properties.Generators.orNull;
import static herald.properties.Generators.pick;
import static herald.properties.Generators.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import herald.properties.Theories;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random customer profiles sent to POST /v1/customers, with an auto-update segment whose rules read every kind
 * of field, so each upsert is evaluated: never a 5xx; a refusal changes nothing (customers, memberships, the
 * bus); an accepted profile reads back as the answer gave it.
 */
class CustomerInputPropertiesTest {
  private static final List<String> NAMES = List.of("source_id", "name", "email", "phone", "timezone", "metadata",
      "consents", "email", "sms", "granted", "plan", "events", "orders");
  private static final String RULES = "{\"or\":[{\"field\":\"metadata.plan\",\"operator\":\"in\",\"value\":[\"gold\",1,"
      + "true]},{\"field\":\"metadata.score\",\"operator\":\"greater_than\",\"value\":10},{\"field\":\"metadata.since\","
      + "\"operator\":\"after\",\"value\":{\"days_ago\":30}},{\"field\":\"metadata.tags\",\"operator\":\"contains\","
      + "\"value\":\"vip\"},{\"field\":\"name\",\"operator\":\"starts_with\",\"value\":\"A\"},{\"field\":"
      + "\"consents.email\",\"operator\":\"equals\",\"value\":true},{\"field\":\"timezone\",\"operator\":\"exists\"}]}";
  private static StandInApi api;

  @BeforeAll
  static void start() {
    api = new StandInApi();
    api.call("POST", "/v1/segments", "{\"name\":\"Any\",\"type\":\"auto-update\",\"rules\":" + RULES + "}");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void aProfileIsNeverA5xxARefusalChangesNothingAndAnUpsertReadsBack() {
    Theories.check(250, profiles(), CustomerInputPropertiesTest::upsertsOrRefuses);
  }

  private static void upsertsOrRefuses(String body) {
    var customers = api.items("CUSTOMERS_TABLE");
    var members = api.items("SEGMENT_MEMBERS_TABLE");
    int events = api.bus.entries().size();

    APIGatewayV2HTTPResponse response = api.call("POST", "/v1/customers", body);


    if (response.getStatusCode() >= 400) {
      api.assertUnchanged("CUSTOMERS_TABLE", customers, body);
      api.assertUnchanged("SEGMENT_MEMBERS_TABLE", members, body);
      assertThat(api.bus.entries()).as(body).hasSize(events);
      return;
    }
    assertThat(response.getStatusCode()).as(body).isIn(200, 201);
    JsonNode saved = Json.parse(response.getBody());
    assertThat(saved.path("source_id").asText()).isEqualTo(Json.parse(body).path("source_id").asText().strip());
    JsonNode read = Json.parse(api.call("GET", "/v1/customers/" + saved.path("id").asText(), null).getBody());
    assertThat(read).as(body).isEqualTo(saved);
  }

  private static Gen<String> profiles() {
    Gen<ObjectNode> contact = sourceIds().zip(text(names()), text(emails()), text(phones()), (sourceId, name, email,
        phone) -> {
      ObjectNode body = Json.object().put("source_id", sourceId);
      if (name != null) body.put("name", name);
      if (email != null) body.put("email", email);
      if (phone != null) body.put("phone", phone);
      return body;
    });
    Gen<ObjectNode> profiles = contact.zip(text(timezones()), orNull(RandomJson.values(3), 30), orNull(consents(), 40),
        (body, timezone, metadata, consents) -> {
          if (timezone != null) body.put("timezone", timezone);
          if (metadata != null) body.set("metadata", metadata.isObject() ? metadata : Json.object().set("plan", metadata));
          if (consents != null) body.set("consents", consents);
          return body;
        });
    return oneOf(profiles.map(ObjectNode::toString), profiles.map(ObjectNode::toString),
        profiles.flatMap(p -> RandomJson.mutationsOf(p, NAMES)), RandomJson.values(3).map(JsonNode::toString),
        RandomJson.garbage());
  }

  private static Gen<String> text(Gen<String> values) {
    return orNull(values, 40);
  }

  private static Gen<String> sourceIds() {
    return oneOf(pick("crm-1", "crm-2", " crm-1 ", "x".repeat(256), "x".repeat(257), "é✓😀"), RandomJson.strings());
  }

  private static Gen<String> names() {
    return oneOf(pick("Ada Lovelace", "A", "", "x".repeat(201)), RandomJson.strings());
  }

  private static Gen<String> emails() {
    return oneOf(pick("ada@example.com", "ADA@Example.COM", "a@b", "@x.y", "a@@x.y", "a b@x.y", " ada@example.com ",
        "ada@example.com\u0000", "é@ü.de"), RandomJson.strings());
  }

  private static Gen<String> phones() {
    return oneOf(pick("+447700900123", "+1", "447700900123", "+4477009001234567", " +447700900123", "+44 7700 900123",
        "+٤٤٧٧٠٠٩٠٠١٢٣"), textOf("0123456789", 7, 16).map(d -> "+" + d), RandomJson.strings());
  }

  private static Gen<String> timezones() {
    return oneOf(pick("Europe/London", "UTC", "Z", "+02:00", "GMT+2", "europe/london", "America/Argentina/Buenos_Aires",
        "Etc/GMT-14", "SystemV/AST4", "EST"), RandomJson.strings());
  }

  private static Gen<JsonNode> consents() {
    Gen<JsonNode> answer = oneOf(booleans().map(granted -> (JsonNode) Json.object().put("granted", granted)),
        RandomJson.values(1));
    return lists(pick("email", "sms", "push", "EMAIL"), 0, 3).zip(lists(answer, 3, 3), (channels, answers) -> {
      ObjectNode consents = Json.object();
      for (int i = 0; i < channels.size(); i++) consents.set(channels.get(i), answers.get(i));
      return consents;
    });
  }
}
