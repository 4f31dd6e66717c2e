package herald.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An SQS batch as Lambda hands it to a stream handler, and the handler's answer as Lambda reads it: the event
 * JSON of the AWS documentation ({@code {"Records": [{"messageId", "receiptHandle", "body", "attributes",
 * "messageAttributes", "md5OfBody", "md5OfMessageAttributes", "eventSource", "eventSourceARN", "awsRegion"}]}}),
 * and {@code {"batchItemFailures": [{"itemIdentifier"}]}} back. As Lambda does, an empty answer, or one without
 * failures, is a batch done; an answer that is not such JSON fails the whole batch.
 */
final class SqsEventJson {
  private SqsEventJson() {}

  /**
   * An SQS-shaped payload (a schedule's constant Input, as the jobs function's recount has) as the SQSEvent Lambda's
   * runtime would make of it for a typed handler: each record's messageId and body.
   */
  static SQSEvent read(byte[] payload) {
    var json = herald.platform.Json.parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    java.util.List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
    json.path("Records").forEach(r -> {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId(r.path("messageId").asText());
      m.setBody(r.path("body").asText());
      records.add(m);
    });
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  static byte[] write(SQSEvent event) {
    ObjectNode json = Json.object();
    var records = json.putArray("Records");
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.getMessageId()).put("receiptHandle", m.getReceiptHandle()).put("body", m.getBody());
      ObjectNode attributes = r.putObject("attributes");
      if (m.getAttributes() != null) m.getAttributes().forEach(attributes::put);
      ObjectNode messageAttributes = r.putObject("messageAttributes");
      if (m.getMessageAttributes() != null) {
        m.getMessageAttributes().forEach((name, a) -> {
          ObjectNode one = messageAttributes.putObject(name);
          one.put("stringValue", a.getStringValue());
          one.put("binaryValue", a.getBinaryValue() == null ? null : base64(a.getBinaryValue()));
          one.putArray("stringListValues");
          one.putArray("binaryListValues");
          one.put("dataType", a.getDataType());
        });
      }
      r.put("md5OfBody", m.getMd5OfBody());
      if (m.getMd5OfMessageAttributes() != null) r.put("md5OfMessageAttributes", m.getMd5OfMessageAttributes());
      r.put("eventSource", m.getEventSource()).put("eventSourceARN", m.getEventSourceArn())
          .put("awsRegion", m.getAwsRegion());
    }
    return Json.write(json).getBytes(StandardCharsets.UTF_8);
  }

  /** The records the answer reports as failed; throws for an answer Lambda would not understand. */
  static SQSBatchResponse response(byte[] answer) {
    String text = new String(answer, StandardCharsets.UTF_8).strip();
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    if (text.isEmpty() || text.equals("null")) return new SQSBatchResponse(failures);
    JsonNode json = Json.parse(text);
    JsonNode reported = json.path("batchItemFailures");
    if (!json.isObject() || !(reported.isArray() || reported.isMissingNode() || reported.isNull())) {
      throw new IllegalStateException("not a partial batch response: " + text);
    }
    for (JsonNode failure : reported) {
      JsonNode id = failure.get("itemIdentifier");
      failures.add(new SQSBatchResponse.BatchItemFailure(id == null || id.isNull() ? null : id.asText()));
    }
    return new SQSBatchResponse(failures);
  }

  private static String base64(ByteBuffer bytes) {
    ByteBuffer copy = bytes.duplicate();
    byte[] raw = new byte[copy.remaining()];
    copy.get(raw);
    return Base64.getEncoder().encodeToString(raw);
  }
}
