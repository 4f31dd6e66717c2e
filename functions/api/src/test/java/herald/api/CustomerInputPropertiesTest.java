package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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

  @BeforeContainer
  static void start() {
    api = new StandInApi();
    api.call("POST", "/v1/segments", "{\"name\":\"Any\",\"type\":\"auto-update\",\"rules\":" + RULES + "}");
  }

  @AfterContainer
  static void stop() {
    api.close();
  }

  @Property(tries = 250)
  void aProfileIsNeverA5xxARefusalChangesNothingAndAnUpsertReadsBack(@ForAll("profiles") String body) {
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

  @Provide
  Arbitrary<String> profiles() {
    Arbitrary<ObjectNode> profiles = Combinators.combine(sourceIds(), text(names()), text(emails()),
        text(phones()), text(timezones()), RandomJson.values(3).injectNull(0.3), consents().injectNull(0.4))
        .as((sourceId, name, email, phone, timezone, metadata, consents) -> {
          ObjectNode body = Json.object().put("source_id", sourceId);
          if (name != null) body.put("name", name);
          if (email != null) body.put("email", email);
          if (phone != null) body.put("phone", phone);
          if (timezone != null) body.put("timezone", timezone);
          if (metadata != null) body.set("metadata", metadata.isObject() ? metadata : Json.object().set("plan", metadata));
          if (consents != null) body.set("consents", consents);
          return body;
        });
    return Arbitraries.oneOf(profiles.map(ObjectNode::toString), profiles.map(ObjectNode::toString),
        profiles.flatMap(p -> RandomJson.mutationsOf(p, NAMES)), RandomJson.values(3).map(JsonNode::toString),
        RandomJson.garbage());
  }

  private static Arbitrary<String> text(Arbitrary<String> values) {
    return values.injectNull(0.4);
  }

  private static Arbitrary<String> sourceIds() {
    return Arbitraries.oneOf(Arbitraries.of("crm-1", "crm-2", " crm-1 ", "x".repeat(256), "x".repeat(257), "é✓😀"),
        RandomJson.strings());
  }

  private static Arbitrary<String> names() {
    return Arbitraries.oneOf(Arbitraries.of("Ada Lovelace", "A", "", "x".repeat(201)), RandomJson.strings());
  }

  private static Arbitrary<String> emails() {
    return Arbitraries.oneOf(Arbitraries.of("ada@example.com", "ADA@Example.COM", "a@b", "@x.y", "a@@x.y", "a b@x.y",
        " ada@example.com ", "ada@example.com\u0000", "é@ü.de"), RandomJson.strings());
  }

  private static Arbitrary<String> phones() {
    return Arbitraries.oneOf(Arbitraries.of("+447700900123", "+1", "447700900123", "+4477009001234567", " +447700900123",
        "+44 7700 900123", "+٤٤٧٧٠٠٩٠٠١٢٣"), Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(16)
        .map(d -> "+" + d), RandomJson.strings());
  }

  private static Arbitrary<String> timezones() {
    return Arbitraries.oneOf(Arbitraries.of("Europe/London", "UTC", "Z", "+02:00", "GMT+2", "europe/london",
        "America/Argentina/Buenos_Aires", "Etc/GMT-14", "SystemV/AST4", "EST"), RandomJson.strings());
  }

  private static Arbitrary<JsonNode> consents() {
    Arbitrary<JsonNode> answer = Arbitraries.oneOf(Arbitraries.of(true, false)
        .map(granted -> (JsonNode) Json.object().put("granted", granted)), RandomJson.values(1));
    return Combinators.combine(Arbitraries.of("email", "sms", "push", "EMAIL").list().ofMaxSize(3),
        answer.list().ofSize(3)).as((channels, answers) -> {
          ObjectNode consents = Json.object();
          for (int i = 0; i < channels.size(); i++) consents.set(channels.get(i), answers.get(i));
          return consents;
        });
  }
}
