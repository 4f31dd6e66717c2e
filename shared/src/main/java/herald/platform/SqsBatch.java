package herald.platform;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.domain.channels.DeliveryFailure;
import herald.domain.common.Invalid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a batch record by record and reports the ones that threw, so only those come back (after the wait a
 * provider asked for, when a {@link DeliveryFailure} carries one). A record that is invalid ({@link Invalid}: no
 * retry can fix it) is logged and acknowledged.
 */
public final class SqsBatch {
  private SqsBatch() {}

  public static SQSBatchResponse each(SQSEvent event, Consumer<SQSEvent.SQSMessage> handler) {
    return each(event, handler, null);
  }

  /** As {@link #each(SQSEvent, Consumer)}, and each failed record waits for its next try as {@code retries} says. */
  public static SQSBatchResponse each(SQSEvent event, Consumer<SQSEvent.SQSMessage> handler, SqsRetries retries) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage record : event.getRecords()) {
      try {
        handler.accept(record);
      } catch (Invalid e) {
        Log.error("record_rejected", e, "sqs_message_id", record.getMessageId(), "code", e.code());
      } catch (RuntimeException e) {
        Log.error("record_failed", e, "sqs_message_id", record.getMessageId());
        failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
        if (retries != null) retries.later(record, asked(e));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** The records' bodies as {@code parse} reads them, those it cannot read left out (each() reports them). */
  public static <T> List<T> parsed(SQSEvent event, java.util.function.Function<String, T> parse) {
    List<T> read = new ArrayList<>();
    for (SQSEvent.SQSMessage record : event.getRecords()) {
      try {
        read.add(parse.apply(record.getBody()));
      } catch (RuntimeException unreadable) {
        // each() meets it again and reports it
      }
    }
    return read;
  }

  /** How long a provider asked the record to wait (a 429's Retry-After), when it did. */
  private static Optional<Duration> asked(RuntimeException e) {
    return e instanceof DeliveryFailure failure ? failure.retryAfter() : Optional.empty();
  }
}
