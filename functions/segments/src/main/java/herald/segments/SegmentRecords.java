package herald.segments;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.CustomerChangeJson;
import herald.adapters.json.JobJson;
import herald.domain.common.Invalid;
import herald.domain.jobs.Job;
import herald.domain.segments.EvaluateSegmentPart;
import herald.domain.segments.FollowCustomer;
import herald.domain.segments.ScanJob;
import herald.platform.Json;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * One SQS record for the segments function, told apart by its body: a customer's change ({@code {"customer_id"}},
 * from the customer changes queue), whose segments then follow their latest profile; or a part of a segment scan
 * (a {@code segment.evaluation} job, from the segment scans queue). A body that is neither is {@link Invalid}.
 */
final class SegmentRecords {
  private final FollowCustomer follow;
  private final EvaluateSegmentPart scan;

  @Inject
  SegmentRecords(FollowCustomer follow, EvaluateSegmentPart scan) {
    this.follow = follow;
    this.scan = scan;
  }

  void handle(SQSEvent.SQSMessage record, BooleanSupplier timeLeft) {
    JsonNode body = body(record.getBody());
    if (CustomerChangeJson.is(body)) {
      String customerId = CustomerChangeJson.parse(body);
      FollowCustomer.Followed followed = follow.follow(customerId);
      Log.info("customer_followed", "customer_id", customerId, "sqs_message_id", record.getMessageId(),
          "followed", followed.name().toLowerCase(Locale.ROOT));
      return;
    }
    Job job = JobJson.parse(record.getBody());
    if (!(job instanceof ScanJob part)) {
      throw new Invalid("invalid_job", "body", "the segments function runs segment scans, not a "
          + job.getClass().getSimpleName());
    }
    scan.handle(part, timeLeft);
    Log.info("segment_scan_part_done", "async_action_id", part.actionId(), "segment_id", part.segmentId(),
        "part", String.valueOf(part.part()));
  }

  private static JsonNode body(String text) {
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Invalid("malformed_json", "body", "the record's body is not JSON");
    }
  }
}
