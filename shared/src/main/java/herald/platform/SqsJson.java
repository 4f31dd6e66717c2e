package herald.platform;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda's SQS event ({@code {"Records": [{"messageId", "receiptHandle", "body", "attributes", "eventSource":
 * "aws:sqs", "eventSourceARN", ...}]}}) and partial batch response ({@code {"batchItemFailures":
 * [{"itemIdentifier"}]}}) as JSON, for a stream handler that SQS event sources invoke besides others. Read by hand
 * rather than with Lambda's serialisation library, which would add 3.6 MB to the function for five fields.
 */
public final class SqsJson {
  private SqsJson() {}

  /** Whether the event is a batch of SQS records. */
  public static boolean isBatch(JsonNode event) {
    JsonNode records = event.path("Records");
    return records.isArray() && !records.isEmpty() && "aws:sqs".equals(records.get(0).path("eventSource").asText());
  }

  public static SQSEvent read(JsonNode event) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (JsonNode r : event.path("Records")) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(text(r, "messageId"));
      record.setReceiptHandle(text(r, "receiptHandle"));
      record.setBody(text(r, "body"));
      record.setMd5OfBody(text(r, "md5OfBody"));
      record.setEventSource(text(r, "eventSource"));
      record.setEventSourceArn(text(r, "eventSourceARN"));
      record.setAwsRegion(text(r, "awsRegion"));
      Map<String, String> attributes = new HashMap<>();
      r.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
      record.setAttributes(attributes);
      records.add(record);
    }
    SQSEvent sqs = new SQSEvent();
    sqs.setRecords(records);
    return sqs;
  }

  public static ObjectNode write(SQSBatchResponse response) {
    ObjectNode json = Json.object();
    ArrayNode failures = json.putArray("batchItemFailures");
    for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
      failures.addObject().put("itemIdentifier", failure.getItemIdentifier());
    }
    return json;
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
