package herald.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.sam.Intrinsics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS event Lambda hands a function for a batch of received messages, and what its answer leaves failed. */
final class SqsBatchEvent {
  private SqsBatchEvent() {}

  static SQSEvent of(List<Message> batch, String queueArn) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : batch) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(m.messageId());
      record.setReceiptHandle(m.receiptHandle());
      record.setBody(m.body());
      record.setMd5OfBody(m.md5OfBody());
      record.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
      record.setAttributes(new HashMap<>(m.attributesAsStrings()));
      record.setMessageAttributes(attributes(m));
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(Intrinsics.REGION);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /**
   * The ids of the records the function's batchItemFailures name; like Lambda, an empty or unknown identifier fails
   * the whole batch.
   */
  static Set<String> failed(List<Message> batch, SQSBatchResponse response) {
    Set<String> failed = new HashSet<>();
    if (response == null || response.getBatchItemFailures() == null) return failed;
    Set<String> ids = new HashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
      if (f.getItemIdentifier() == null || !ids.contains(f.getItemIdentifier())) return ids;
      failed.add(f.getItemIdentifier());
    }
    return failed;
  }

  private static Map<String, SQSEvent.MessageAttribute> attributes(Message m) {
    Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
    m.messageAttributes().forEach((name, v) -> {
      SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
      a.setDataType(v.dataType());
      a.setStringValue(v.stringValue());
      if (v.binaryValue() != null) a.setBinaryValue(v.binaryValue().asByteBuffer());
      attributes.put(name, a);
    });
    return attributes;
  }
}
