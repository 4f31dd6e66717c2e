package herald.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.JobJson;
import herald.domain.campaigns.CampaignPurgeJob;
import herald.domain.campaigns.CodeJob;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Code generation from the API call to the codes table: api → jobs queue → jobs function, part after part. */
class CodeGenerationEndToEndTest {
  private final RecordingEventBridge bus = new RecordingEventBridge();
  private Env env;
  private Api api;
  private QueueRunner jobs;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new Api(env);
    jobs = new QueueRunner(env);
  }

  @AfterEach
  void stop() {
    bus.close();
  }

  @Test
  void codesCountOnCreationMakesThatManyDistinctCodesOfThePatternEvenWhenEveryPartIsDeliveredTwice() {
    JsonNode created = api.json("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"charset\":\"uppercase\",\"pattern\":\"WELCOME-####\"},\"codes_count\":12000}",
        "application/json", 201);
    String id = created.path("id").asText();
    String action = created.path("generation").path("async_action_id").asText();
    jobs.drain(true, 300_000);

    JsonNode progress = api.action(action);
    assertThat(progress.path("type").asText()).isEqualTo("campaign.codes.generation");
    assertThat(progress.path("status").asText()).isEqualTo("DONE");
    assertThat(progress.path("progress").path("generated").asLong()).isEqualTo(12000);
    assertThat(progress.path("progress").path("parts_total").asLong()).isEqualTo(3);
    List<String> codes = codes(id);
    assertThat(codes).hasSize(12000).allMatch(code -> code.matches("WELCOME-[A-Z]{4}"));
    assertThat(new HashSet<>(codes)).hasSize(12000);
    assertThat(api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("codes"))
        .isEqualTo(Json.parse("{\"total\":12000,\"published\":0,\"available\":12000}"));
  }

  @Test
  void moreCodesTakeTheNextCodesOfTheCampaignsSequenceWithoutACollision() {
    String id = api.json("POST", "/v1/campaigns", "{\"name\":\"Tiny\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"charset\":\"numbers\",\"pattern\":\"T-###\"},\"codes_count\":300}", "application/json", 201)
        .path("id").asText();
    jobs.drain();
    String action = api.json("POST", "/v1/campaigns/" + id + "/codes", "{\"count\":200}", "application/json", 202)
        .path("async_action_id").asText();
    jobs.drain();

    JsonNode progress = api.action(action).path("progress");
    assertThat(progress.path("generated").asLong()).isEqualTo(200);
    assertThat(progress.path("collisions").asLong()).isZero();
    assertThat(new HashSet<>(codes(id))).hasSize(500);
    assertThat(api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("codes").path("total").asLong())
        .isEqualTo(500);
  }

  @Test
  void aPartDeliveredAgainAfterItsCodesWerePublishedWritesNoneOfThemAgain() {
    JsonNode created = api.json("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"codes_count\":6000}", "application/json", 201);
    String id = created.path("id").asText();
    String action = created.path("generation").path("async_action_id").asText();
    jobs.drain();
    String code = api.json("POST", "/v1/publications", "{\"campaign_id\":\"" + id + "\",\"customer\":{\"source_id\":"
        + "\"ada\"}}", "application/json", 201).path("voucher").path("code").asText();

    String first = JobJson.write(new CodeJob(action, id, 0, 2, 6000, 0));
    StandIns.sqs(env).sendMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).messageBody(first));
    assertThat(jobs.drain()).as("part 0 again, and the part 1 it queues again").isEqualTo(2);

    var item = StandIns.dynamo(env).getItem(r -> r.tableName(env.get("CODES_TABLE")).key(Map.of("campaign_id",
        AttributeValue.fromS(id), "code", AttributeValue.fromS(code)))).item();
    assertThat(item).containsKey("publication_id").doesNotContainKey("pool");
    assertThat(api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("codes"))
        .isEqualTo(Json.parse("{\"total\":6000,\"published\":1,\"available\":5999}"));
  }

  @Test
  void afterAnImportCodesAreDrawnAtRandomReadFirstAndCollisionsAreDrawnAgain() {
    String id = api.json("POST", "/v1/campaigns", "{\"name\":\"Tiny\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"charset\":\"numbers\",\"pattern\":\"T-###\"}}", "application/json", 201)
        .path("id").asText();
    StringBuilder file = new StringBuilder("code\n");
    for (int i = 0; i < 300; i++) file.append(String.format("T-%03d%n", i));
    api.json("POST", "/v1/campaigns/" + id + "/codes", file.toString(), "text/csv", 202);
    jobs.drain();
    String action = api.json("POST", "/v1/campaigns/" + id + "/codes", "{\"count\":150}", "application/json", 202)
        .path("async_action_id").asText();
    jobs.drain(true, 300_000);

    JsonNode progress = api.action(action).path("progress");
    assertThat(progress.path("generated").asLong()).isEqualTo(150);
    assertThat(progress.path("collisions").asLong()).isPositive();
    assertThat(new HashSet<>(codes(id))).hasSize(450);
    assertThat(api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("codes").path("total").asLong())
        .isEqualTo(450);
  }

  @Test
  void aCountTheSpaceCannotHoldOrOutOfRangeIsRefusedBeforeAnythingIsMade() {
    String bad = "{\"name\":\"Tiny\",\"type\":\"DISCOUNT_VOUCHERS\",\"code_config\":{\"charset\":\"numbers\","
        + "\"pattern\":\"T-##\"},\"codes_count\":51}";
    assertError(api.json("POST", "/v1/campaigns", bad, "application/json", 400), "code_space_too_small", "codes_count");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("CAMPAIGNS_TABLE"))).count()).isZero();
    String fixed = api.json("POST", "/v1/campaigns", "{\"name\":\"One\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"pattern\":\"SUMMER\"}}", "application/json", 201).path("id").asText();
    assertError(api.json("POST", "/v1/campaigns/" + fixed + "/codes", "{\"count\":2}", "application/json", 400),
        "code_space_too_small", "count");
    assertError(api.json("POST", "/v1/campaigns/" + fixed + "/codes", "{\"count\":1000001}", "application/json", 400),
        "invalid_value", "count");
    assertError(api.json("POST", "/v1/campaigns/" + fixed + "/codes", "{\"count\":\"1\"}", "application/json", 400),
        "invalid_type", "count");
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("ASYNC_ACTIONS_TABLE"))).count()).isZero();
    assertThat(jobs.drain()).isZero();
  }

  @Test
  void anImportAddsTheFilesCodesAndRejectsEachDuplicateWithItsLineOnceEvenDeliveredTwice() {
    String id = api.json("POST", "/v1/campaigns", "{\"name\":\"Partner codes\",\"type\":\"GIFT_VOUCHERS\"}",
        "application/json", 201).path("id").asText();
    String first = api.json("POST", "/v1/campaigns/" + id + "/codes", "code\nAAA-1\nBBB-2\n", "text/csv", 202)
        .path("async_action_id").asText();
    jobs.drain();
    assertThat(api.action(first).path("progress").path("imported").asLong()).isEqualTo(2);

    String file = "code\r\nCCC-3\r\nAAA-1\r\nDDD 4\r\nCCC-3\r\n\"EEE-5\"\r\n";
    String second = api.json("POST", "/v1/campaigns/" + id + "/codes", file, "text/csv", 202).path("async_action_id")
        .asText();
    jobs.drain(true, 300_000);

    JsonNode action = api.action(second);
    assertThat(action.path("type").asText()).isEqualTo("campaign.codes.import");
    assertThat(action.path("status").asText()).isEqualTo("DONE");
    assertThat(action.path("progress")).isEqualTo(Json.parse("{\"rows_read\":5,\"imported\":2,\"rejected\":3,"
        + "\"parts_total\":1,\"parts_done\":1}"));
    assertThat(action.path("rejected_rows").findValuesAsText("code"))
        .containsExactly("duplicate_code", "invalid_value", "duplicate_code");
    assertThat(action.path("rejected_rows").findValuesAsText("line")).containsExactly("3", "4", "5");
    assertThat(action.path("rejected_rows").get(2).path("message").asText()).contains("line 2");
    assertThat(codes(id)).containsExactlyInAnyOrder("AAA-1", "BBB-2", "CCC-3", "EEE-5");
    assertThat(api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("codes").path("total").asLong())
        .isEqualTo(4);

    assertError(api.json("POST", "/v1/campaigns/" + id + "/codes", "voucher\nX\n", "text/csv", 400),
        "unknown_column", "voucher");
    assertThat(api.call("POST", "/v1/campaigns/camp_00000000000000000000000000000000/codes", "code\nX\n", "text/csv")
        .getStatusCode()).isEqualTo(404);
  }

  @Test
  void oneJobAtATimeMakesACampaignsCodesSoAGenerationNeverOverwritesAnImportedCode() {
    String id = api.json("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"codes_count\":6000}", "application/json", 201).path("id").asText();
    String codes = "/v1/campaigns/" + id + "/codes";
    String generation = api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("generation")
        .path("async_action_id").asText();
    JsonNode refused = api.json("POST", codes, "code\nZZZ-1\n", "text/csv", 409);
    assertThat(refused.path("code").asText()).isEqualTo("codes_job_running");
    assertThat(refused.path("message").asText()).contains(generation);
    assertThat(api.json("POST", codes, "{\"count\":5}", "application/json", 409).path("code").asText())
        .isEqualTo("codes_job_running");
    jobs.drain();

    String imported = api.json("POST", codes, "code\nZZZ-1\n", "text/csv", 202).path("async_action_id").asText();
    assertThat(api.json("POST", codes, "{\"count\":5}", "application/json", 409).path("message").asText())
        .contains(imported);
    jobs.drain();
    api.json("POST", codes, "{\"count\":5}", "application/json", 202);
    jobs.drain();

    assertThat(codes(id)).hasSize(6006).contains("ZZZ-1");
    assertThat(api.json("GET", "/v1/campaigns/" + id, null, null, 200).path("codes").path("total").asLong())
        .isEqualTo(6006);
  }

  @Test
  void deletingACampaignPurgesItsCodesAndPublicationsAndASweepRemovesWhatALateWriterAdds() {
    String deleted = api.json("POST", "/v1/campaigns", "{\"name\":\"Gone\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"codes_count\":1200}", "application/json", 201).path("id").asText();
    String kept = api.json("POST", "/v1/campaigns", "{\"name\":\"Kept\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"codes_count\":10}", "application/json", 201).path("id").asText();
    jobs.drain();
    for (String campaign : List.of(deleted, kept)) {
      for (String who : List.of("ada", "bob", "cy")) {
        api.json("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign + "\",\"customer\":{\"source_id\":\""
            + who + "\"},\"source_id\":\"" + campaign + who + "\"}", "application/json", 201);
      }
    }
    assertThat(publications(deleted)).isEqualTo(3);

    assertThat(api.call("DELETE", "/v1/campaigns/" + deleted, null, null).getStatusCode()).isEqualTo(204);
    assertThat(jobs.drain()).isEqualTo(1);
    assertThat(codes(deleted)).isEmpty();
    assertThat(publications(deleted)).isZero();
    assertThat(codes(kept)).hasSize(10);
    assertThat(publications(kept)).isEqualTo(3);
    assertThat(StandIns.sqs(env).getQueueAttributes(r -> r.queueUrl(env.get("JOBS_QUEUE_URL"))
        .attributeNamesWithStrings("ApproximateNumberOfMessagesDelayed")).attributesAsStrings()
        .get("ApproximateNumberOfMessagesDelayed")).as("the sweep, six minutes later").isEqualTo("1");

    StandIns.dynamo(env).putItem(r -> r.tableName(env.get("CODES_TABLE")).item(Map.of("campaign_id",
        AttributeValue.fromS(deleted), "code", AttributeValue.fromS("LATE-1"), "schema_version", AttributeValue.fromN("1"))));
    StandIns.sqs(env).sendMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL"))
        .messageBody(JobJson.write(new CampaignPurgeJob(deleted, true))));
    assertThat(jobs.drain()).as("the sweep queues nothing after it").isEqualTo(1);
    assertThat(codes(deleted)).isEmpty();
    assertThat(codes(kept)).hasSize(10);

    StandIns.sqs(env).sendMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL"))
        .messageBody(JobJson.write(CampaignPurgeJob.of(kept))));
    jobs.drain();
    assertThat(codes(kept)).as("a purge of a campaign that exists deletes nothing").hasSize(10);
  }

  private long publications(String campaignId) {
    return StandIns.dynamo(env).scan(r -> r.tableName(env.get("PUBLICATIONS_TABLE"))).items().stream()
        .filter(item -> campaignId.equals(item.get("campaign_id").s())).count();
  }

  private static void assertError(JsonNode error, String code, String field) {
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("field").asText()).isEqualTo(field);
  }

  private List<String> codes(String campaignId) {
    return StandIns.dynamo(env).queryPaginator(r -> r.tableName(env.get("CODES_TABLE"))
        .keyConditionExpression("campaign_id = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS(campaignId))))
        .items().stream().map(item -> item.get("code").s()).toList();
  }

}
