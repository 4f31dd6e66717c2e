package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.JobJson;
import herald.domain.jobs.Job;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The api function on fresh stand-ins, for API and property tests: calls checked against the OpenAPI document (never a
 * 5xx; every 4xx with a code, a message and the field), and what
 * a refused call must leave alone (tables, the jobs queue, the bus).
 */
final class StandInApi implements AutoCloseable {
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  final Env env;
  final RecordingEventBridge bus = new RecordingEventBridge();
  private final ApiHandler api;

  StandInApi() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new ApiHandler(env);
  }

  APIGatewayV2HTTPResponse call(String method, String path, String body) {
    return call(method, path, body, Map.of());
  }

  /** The response, never a 5xx, and the documented error shape (a code, a message, the field) for a 4xx. */
  APIGatewayV2HTTPResponse call(String method, String path, String body, Map<String, String> more) {
    Map<String, String> headers = new HashMap<>(TestRequests.bearer("herald-local-key"));
    headers.putAll(more);
    var event = TestRequests.event(method, path, body, headers);
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    String what = method + " " + path + " " + abbreviated(body) + " -> " + response.getBody();
    assertThat(response.getStatusCode()).as(what).isLessThan(500);
    OPENAPI.check(method, event.getRawPath(), response.getStatusCode(), response.getBody());
    if (response.getStatusCode() >= 400) {
      JsonNode error = Json.parse(response.getBody());
      assertThat(error.path("code").asText()).as(what).isNotBlank();
      assertThat(error.path("message").asText()).as(what).isNotBlank().doesNotContain("Exception");
      assertThat(error.has("field")).as(what).isTrue();
      if (response.getStatusCode() != 409) assertThat(error.path("field").isTextual()).as(what).isTrue();
    }
    return response;
  }

  /** Every item of a table, to compare before and after a call. */
  List<Map<String, AttributeValue>> items(String table) {
    return StandIns.dynamo(env).scanPaginator(r -> r.tableName(env.get(table)).consistentRead(true)).items()
        .stream().toList();
  }

  /** Asserts the table holds what it held ({@link #items}), naming the items that differ. */
  void assertUnchanged(String table, List<Map<String, AttributeValue>> before, String what) {
    List<Map<String, AttributeValue>> after = items(table);
    List<Map<String, AttributeValue>> gone = new ArrayList<>(before);
    gone.removeAll(after);
    List<Map<String, AttributeValue>> added = new ArrayList<>(after);
    added.removeAll(before);
    assertThat(added).as("%s changed by %s; it held %s", table, what, gone).isEmpty();
    assertThat(gone).as("%s changed by %s", table, what).isEmpty();
  }

  long count(String table) {
    return StandIns.dynamo(env).scan(r -> r.tableName(env.get(table)).select("COUNT")).count();
  }

  /** Messages on the queues the api puts work on (jobs, segment scans, customer changes), visible or not. */
  long jobsQueued() {
    return queued("JOBS_QUEUE_URL") + queued("SEGMENT_SCANS_QUEUE_URL") + queued("CUSTOMER_CHANGES_QUEUE_URL");
  }

  /** Messages on the queue whose URL the variable holds, visible, in flight or delayed. */
  long queued(String queueVariable) {
    var attributes = StandIns.sqs(env).getQueueAttributes(r -> r.queueUrl(env.get(queueVariable))
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
    return attributes.values().stream().mapToLong(Long::parseLong).sum();
  }

  /** Takes every job off the jobs queue (they were all put before the call answered). */
  List<Job> takeJobs() {
    var sqs = StandIns.sqs(env);
    List<Job> jobs = new ArrayList<>();
    while (true) {
      var messages = sqs.receiveMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).maxNumberOfMessages(10)
          .visibilityTimeout(600)).messages();
      if (messages.isEmpty()) return jobs;
      for (var m : messages) {
        jobs.add(JobJson.parse(m.body()));
        sqs.deleteMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).receiptHandle(m.receiptHandle()));
      }
    }
  }

  /** Equal JSON, numbers compared by value (1, 1.0 and 1.00 are one number, whatever node holds them). */
  static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue())
        : x.equals(y) ? 0 : 1, b);
  }

  static String abbreviated(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
  }

  @Override
  public void close() {
    bus.close();
  }
}
