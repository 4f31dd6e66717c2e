package herald.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.segments.SegmentsHandler;
import herald.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Does what Lambda's SQS event sources do for the segments function: receives from one of its queues (customer
 * changes, BatchSize 10; segment scans, BatchSize 1), hands each batch to the handler as Lambda's event JSON,
 * deletes what the handler did not report as failed, until the queue stays empty.
 */
final class SegmentsRunner {
  private final SegmentsHandler handler;
  private final SqsClient sqs;
  private final Env env;

  SegmentsRunner(Env env) {
    this.env = env;
    this.handler = new SegmentsHandler(env);
    this.sqs = StandIns.sqs(env);
  }

  /** Follows every customer change announced; how many announcements it took. */
  int changes() {
    return drain(env.get("CUSTOMER_CHANGES_QUEUE_URL"), 10, false);
  }

  /** Runs every segment scan part queued, and the parts they put, each twice if SQS is to deliver it twice. */
  int scans(boolean deliverTwice) {
    return drain(env.get("SEGMENT_SCANS_QUEUE_URL"), 1, deliverTwice);
  }

  int scans() {
    return scans(false);
  }

  private int drain(String queue, int batchSize, boolean deliverTwice) {
    int taken = 0;
    for (int empty = 0; empty < 3; ) {
      List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(batchSize)
          .waitTimeSeconds(1).visibilityTimeout(60)).messages();
      if (batch.isEmpty()) {
        empty++;
        continue;
      }
      empty = 0;
      ObjectNode event = Json.object();
      for (Message m : batch) {
        event.withArray("Records").addObject().put("messageId", m.messageId()).put("receiptHandle", m.receiptHandle())
            .put("body", m.body()).put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:test")
            .putObject("attributes").put("ApproximateReceiveCount", "1");
      }
      Set<String> failed = new HashSet<>();
      for (int delivery = 0; delivery < (deliverTwice ? 2 : 1); delivery++) {
        invoke(event).path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
      }
      if (!failed.isEmpty()) throw new AssertionError("the segments function failed on " + failed);
      batch.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
      taken += batch.size();
    }
    return taken;
  }

  private JsonNode invoke(JsonNode event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
      return Json.parse(out.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
