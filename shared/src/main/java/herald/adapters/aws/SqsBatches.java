package herald.adapters.aws;

import herald.domain.common.Parallel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * JSON message bodies onto one SQS queue with SendMessageBatch: up to ten a call and at most {@link #BATCH_BYTES}
 * in all (SQS's limit is 256 KiB a batch), {@link #AT_ONCE} calls at once (a fan-out page of 500 send jobs is 50
 * calls: one after another, the page would take 50 round trips; bench/README.md "Scale model"). Entries SQS refused
 * are sent again once; still refused, it throws, once every call has ended.
 */
final class SqsBatches {
  static final int BATCH = 10;
  static final int BATCH_BYTES = 250_000;
  /** Calls at once: the JDK keeps 5 idle connections per host (http.maxConnections), so none is opened anew. */
  static final int AT_ONCE = 5;
  private final SqsClient sqs;
  private final String queueUrl;
  private final String what;

  /** @param what what the messages are, for the error ("send jobs") */
  SqsBatches(SqsClient sqs, String queueUrl, String what) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.what = what;
  }

  void send(List<String> bodies) {
    send(bodies, 0);
  }

  /** Each message is hidden from consumers for {@code delaySeconds} (0 to 900) after it is sent. */
  void send(List<String> bodies, int delaySeconds) {
    if (delaySeconds < 0 || delaySeconds > 900) throw new IllegalArgumentException("SQS delays are 0 to 900 s");
    List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
    int bytes = 0;
    for (String json : bodies) {
      String body = sqsSafe(json);
      int size = body.getBytes(StandardCharsets.UTF_8).length;
      if (!batch.isEmpty() && (batch.size() == BATCH || bytes + size > BATCH_BYTES)) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = 0;
      }
      batch.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(batch.size())).messageBody(body)
          .delaySeconds(delaySeconds == 0 ? null : delaySeconds).build());
      bytes += size;
    }
    if (!batch.isEmpty()) batches.add(batch);
    Parallel.map(batches, AT_ONCE, entries -> {
      sendBatch(entries, 2);
      return entries.size();
    });
  }

  /**
   * The JSON body as SQS takes it. Characters SQS refuses can be in JSON only inside strings (customer data):
   * U+FFFE and U+FFFF are written there as JSON escapes instead (the JSON read back is the same), and a surrogate
   * without its pair, which is no character at all, as U+FFFD (as encoding it in UTF-8 would).
   */
  static String sqsSafe(String body) {
    StringBuilder safe = null;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1))) {
        if (safe != null) safe.append(c).append(body.charAt(i + 1));
        i++;
      } else if (c >= '\uFFFE' || Character.isSurrogate(c)) {
        if (safe == null) safe = new StringBuilder(body.length() + 16).append(body, 0, i);
        safe.append(Character.isSurrogate(c) ? "\uFFFD" : c == '\uFFFE' ? "\\uFFFE" : "\\uFFFF");
      } else if (safe != null) {
        safe.append(c);
      }
    }
    return safe == null ? body : safe.toString();
  }

  private void sendBatch(List<SendMessageBatchRequestEntry> entries, int tries) {
    SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    if (!response.hasFailed() || response.failed().isEmpty()) return;
    if (tries <= 1) {
      throw new IllegalStateException(response.failed().size() + " " + what + " were refused by SQS: "
          + response.failed().get(0).code());
    }
    var failedIds = response.failed().stream().map(f -> f.id()).toList();
    sendBatch(entries.stream().filter(e -> failedIds.contains(e.id())).toList(), tries - 1);
  }
}
