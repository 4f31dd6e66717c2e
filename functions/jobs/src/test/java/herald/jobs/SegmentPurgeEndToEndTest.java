package herald.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.json.JobJson;
import herald.domain.customers.Customer;
import herald.domain.segments.PurgeJob;
import herald.platform.Env;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A deleted segment's membership purged in the background: api DELETE → purge jobs → jobs function. */
class SegmentPurgeEndToEndTest {
  private static final int SHARDS = 16;
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
    StringBuilder file = new StringBuilder("source_id\n");
    for (int i = 0; i < 40; i++) file.append("c-").append(i).append('\n');
    api.startImport(file.toString(), "text/csv");
    jobs.drain();
  }

  @AfterEach
  void stop() {
    bus.close();
  }

  /** A static segment of these customers, of whom every fifth is then removed again (a former member). */
  private String segment(String name, int from, int to) {
    String ids = IntStream.range(from, to).mapToObj(i -> "\"" + Customer.idFor("c-" + i) + "\"")
        .collect(Collectors.joining(","));
    String id = api.json("POST", "/v1/segments", "{\"name\":\"" + name + "\",\"type\":\"static\",\"customer_ids\":["
        + ids + "]}", "application/json", 201).path("id").asText();
    for (int i = from; i < to; i += 5) {
      assertThat(api.call("DELETE", "/v1/segments/" + id + "/members/" + Customer.idFor("c-" + i), null, null)
          .getStatusCode()).isEqualTo(204);
    }
    return id;
  }

  /** Every item stored for the segment, members and former members, read from the table itself. */
  private int stored(String segmentId) {
    DynamoDbClient dynamo = StandIns.dynamo(env);
    int count = 0;
    for (int shard = 0; shard < SHARDS; shard++) {
      String pk = segmentId + "#" + shard;
      count += dynamo.query(r -> r.tableName(env.get("SEGMENT_MEMBERS_TABLE")).consistentRead(true)
          .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))))
          .count();
    }
    return count;
  }

  private int memberCount(String segmentId) {
    return api.json("GET", "/v1/segments/" + segmentId, null, null, 200).path("member_count").asInt();
  }

  @Test
  void deletingASegmentPurgesItsMembersAndFormerMembersAndKeepsAnothersEvenWhenJobsComeTwice() {
    String deleted = segment("Going", 0, 30);
    String kept = segment("Staying", 20, 40);
    assertThat(stored(deleted)).isEqualTo(30);
    assertThat(memberCount(kept)).isEqualTo(16);

    assertThat(api.call("DELETE", "/v1/segments/" + deleted, null, null).getStatusCode()).isEqualTo(204);
    int runs = jobs.drain(true, 300_000);

    assertThat(runs).as("one job per shard, each delivered twice").isEqualTo(2 * SHARDS);
    assertThat(stored(deleted)).isZero();
    assertThat(stored(kept)).isEqualTo(20);
    assertThat(memberCount(kept)).isEqualTo(16);
    assertThat(api.call("GET", "/v1/segments/" + deleted, null, null).getStatusCode()).isEqualTo(404);
  }

  @Test
  void aPurgeJobForASegmentThatStillExistsDeletesNothing() {
    String kept = segment("Staying", 0, 20);
    List<String> bodies = new ArrayList<>();
    for (int shard = 0; shard < SHARDS; shard++) bodies.add(JobJson.write(PurgeJob.of(kept, shard)));
    bodies.forEach(body -> StandIns.sqs(env).sendMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).messageBody(body)));

    assertThat(jobs.drain()).isEqualTo(SHARDS);

    assertThat(stored(kept)).isEqualTo(20);
    assertThat(memberCount(kept)).isEqualTo(16);
  }
}
