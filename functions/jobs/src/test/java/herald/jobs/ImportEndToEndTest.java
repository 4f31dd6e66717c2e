package herald.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.customers.Customer;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An import from the API call to the profiles: api function → jobs queue (ElasticMQ) → jobs function → dynalite. */
class ImportEndToEndTest {
  static final String FILE = "source_id,name,email,phone,consents.email,metadata.plan,metadata.address.city\r\n"
      + "ada-1,Ada Lovelace,ada@example.com,+447700900123,true,gold,London\r\n"
      + "bob-2,\"Bob \"\"the builder\"\"\",not-an-address,,false,silver,\r\n"
      + "cy-3,Cy Smith,cy@example.com,,,,\"Paris\r\nRive Gauche\"\r\n"
      + "dee-4,Dee,dee@example.com\r\n"
      + ",No Source,nobody@example.com,,,,\r\n"
      + "eve-5,Eve,eve@example.com,0770 0900,,,\r\n"
      + "fay-6,\"Fay\"x,fay@example.com,,,,\r\n"
      + "gus-7,Gus,gus@example.com,,maybe,,\r\n"
      + "hal-8,Hal,,,,bronze,\r\n";
  private final RecordingEventBridge bus = new RecordingEventBridge();
  private Env env;
  private Api api;
  private QueueRunner jobs;
  private DynamoDbCustomers customers;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new Api(env);
    jobs = new QueueRunner(env);
    customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
  }

  @AfterEach
  void stop() {
    bus.close();
  }

  @Test
  void importsTheGoodRowsAndListsEveryRejectedOneWithItsLineAndReason() {
    String id = api.startImport(FILE, "text/csv");
    jobs.drain();

    JsonNode action = api.action(id);
    assertThat(action.path("status").asText()).isEqualTo("DONE");
    assertThat(action.path("finished_at").asText()).isNotEmpty();
    assertThat(action.path("progress")).isEqualTo(Json.parse("{\"rows_read\":9,\"imported\":3,\"unchanged\":0,"
        + "\"rejected\":6,\"parts_total\":1,\"parts_done\":1}"));
    assertThat(action.path("rejected_rows")).isEqualTo(Json.parse("""
        [{"line":3,"code":"invalid_email","field":"email","message":"email is not an email address"},
         {"line":6,"code":"wrong_column_count","field":null,"message":"the row has 3 fields where the header has 7"},
         {"line":7,"code":"missing_field","field":"source_id","message":"source_id is required"},
         {"line":8,"code":"invalid_phone","field":"phone","message":"phone must be an E.164 number, such as +447700900123"},
         {"line":9,"code":"malformed_row","field":null,"message":"text follows the closing quote of a field"},
         {"line":10,"code":"invalid_value","field":"consents.email","message":"consents.email must be true or false"}]
        """));
    Customer ada = customers.get(Customer.idFor("ada-1")).orElseThrow();
    assertThat(ada.name()).isEqualTo("Ada Lovelace");
    assertThat(ada.phone()).isEqualTo("+447700900123");
    assertThat(ada.consents().get("email").granted()).isTrue();
    assertThat(ada.metadata()).isEqualTo(Map.of("plan", "gold", "address", Map.of("city", "London")));
    assertThat(customers.get(Customer.idFor("cy-3")).orElseThrow().metadata())
        .as("a quoted field may hold a line break (names may not: they are plain text)")
        .isEqualTo(Map.of("address", Map.of("city", "Paris\r\nRive Gauche")));
    assertThat(customers.get(Customer.idFor("dee-4"))).as("line 6 has too few fields").isEmpty();
    assertThat(customers.get(Customer.idFor("hal-8")).orElseThrow().metadata()).isEqualTo(Map.of("plan", "bronze"));
    assertThat(customers.get(Customer.idFor("bob-2"))).isEmpty();
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    api.startImport(FILE, "text/csv");
    jobs.drain();
    List<Map<String, AttributeValue>> before = profiles();

    String again = api.startImport(FILE, "text/csv");
    jobs.drain();

    JsonNode action = api.action(again);
    assertThat(action.path("status").asText()).isEqualTo("DONE");
    assertThat(action.path("progress").path("imported").asInt()).isZero();
    assertThat(action.path("progress").path("unchanged").asInt()).isEqualTo(3);
    assertThat(action.path("progress").path("rejected").asInt()).isEqualTo(6);
    assertThat(profiles()).as("every item as it was, updated_at and version too").isEqualTo(before);
  }

  @Test
  void aLargeFileIsImportedInPartsEachCountedOnceEvenWhenDeliveredTwice() {
    StringBuilder file = new StringBuilder("source_id,email,metadata.n\n");
    for (int i = 0; i < 2_000; i++) {
      file.append("c-").append(i).append(',').append(i % 400 == 7 ? "broken" : "c" + i + "@example.com")
          .append(',').append(i).append('\n');
    }
    String id = api.startImport(file.toString(), "text/csv");

    int invocations = jobs.drain(true, 300_000);

    JsonNode action = api.action(id);
    assertThat(invocations).isEqualTo(8);
    assertThat(action.path("status").asText()).isEqualTo("DONE");
    assertThat(action.path("progress")).isEqualTo(Json.parse("{\"rows_read\":2000,\"imported\":1995,"
        + "\"unchanged\":0,\"rejected\":5,\"parts_total\":4,\"parts_done\":4}"));
    assertThat(action.path("rejected_rows").findValuesAsText("line"))
        .containsExactly("9", "409", "809", "1209", "1609");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).count()).isEqualTo(1995);
  }

  @Test
  void partsThatRunShortOfTimeArePutBackAndEveryRowStillCountsOnce() {
    StringBuilder file = new StringBuilder("source_id,email\n");
    for (int i = 0; i < 450; i++) file.append("c-").append(i).append(',').append(i % 50 == 0 ? "x" : "c@example.com")
        .append('\n');
    String id = api.startImport(file.toString(), "text/csv");

    int invocations = jobs.drain(false, 1_000);

    assertThat(invocations).as("one chunk of 250 rows an invocation").isEqualTo(2);
    JsonNode action = api.action(id);
    assertThat(action.path("status").asText()).isEqualTo("DONE");
    assertThat(action.path("progress")).isEqualTo(Json.parse("{\"rows_read\":450,\"imported\":441,"
        + "\"unchanged\":0,\"rejected\":9,\"parts_total\":1,\"parts_done\":1}"));
    assertThat(action.path("rejected_rows")).hasSize(9);
  }

  @Test
  void importsNdjsonTheSameWay() {
    String id = api.startImport("{\"source_id\":\"ada-1\",\"timezone\":\"Europe/London\",\"metadata\":{\"vip\":true}}\n"
        + "{\"source_id\":\"bob-2\",\"consents\":{\"sms\":{\"granted\":false}}}\n"
        + "{\"source_id\": \"cy-3\", oops}\n"
        + "\n"
        + "{\"source_id\":\"dee-4\",\"shoe_size\":44}\n", "application/x-ndjson");
    jobs.drain();

    JsonNode action = api.action(id);
    assertThat(action.path("progress").path("imported").asInt()).isEqualTo(2);
    assertThat(action.path("rejected_rows")).extracting(r -> r.path("line").asInt() + " " + r.path("code").asText())
        .containsExactly("3 malformed_json", "5 unknown_field");
    assertThat(customers.get(Customer.idFor("ada-1")).orElseThrow().metadata()).isEqualTo(Map.of("vip", true));
    assertThat(customers.get(Customer.idFor("bob-2")).orElseThrow().allows("sms")).isFalse();
  }

  private List<Map<String, AttributeValue>> profiles() {
    List<Map<String, AttributeValue>> items = new ArrayList<>(
        StandIns.dynamo(env).scan(r -> r.tableName(env.get("CUSTOMERS_TABLE"))).items());
    items.sort((a, b) -> a.get("id").s().compareTo(b.get("id").s()));
    return items;
  }
}
