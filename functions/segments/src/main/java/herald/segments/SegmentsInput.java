package herald.segments;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.EventJson;
import herald.domain.common.Invalid;
import herald.domain.events.TriggerEvent;
import herald.domain.segments.RefreshTimedSegments;
import herald.domain.segments.RefreshTimedSegments.Refresh;
import herald.domain.segments.SweepChanges;
import herald.domain.segments.TrackBehaviour;
import herald.platform.Log;
import herald.platform.SqsBatch;
import herald.platform.SqsJson;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What reaches the segments function, told apart by its shape: an SQS batch (customer changes and segment scan
 * parts, {@link SegmentRecords}), answered with the records that failed; the change sweep's schedule (its constant
 * input {@value #SWEEP}); the refresh schedule's event (source aws.events, detail-type Scheduled Event), which
 * re-evaluates in the background every auto-update segment whose rules depend on now; or an event about a
 * customer, added to their behaviour (once per event id) before their segments are evaluated again.
 */
final class SegmentsInput {
  static final String SWEEP = "{\"sweep\": \"customer-changes\"}";
  private final TrackBehaviour track;
  private final RefreshTimedSegments refresh;
  private final SweepChanges sweep;
  private final SegmentRecords records;

  @Inject
  SegmentsInput(TrackBehaviour track, RefreshTimedSegments refresh, SweepChanges sweep, SegmentRecords records) {
    this.track = track;
    this.refresh = refresh;
    this.sweep = sweep;
    this.records = records;
  }

  /** Handles one input; what to answer Lambda with (the partial batch response of an SQS batch), if anything. */
  Optional<JsonNode> handle(JsonNode input, BooleanSupplier timeLeft) {
    if (SqsJson.isBatch(input)) {
      return Optional.of(SqsJson.write(SqsBatch.each(SqsJson.read(input), r -> records.handle(r, timeLeft))));
    }
    if ("customer-changes".equals(input.path("sweep").asText())) {
      sweep(timeLeft);
    } else if (scheduled(input)) {
      refresh(input.path("id").asText());
    } else {
      track(input);
    }
    return Optional.empty();
  }

  /** An EventBridge schedule's event, as the template's Schedule event source sends it. */
  static boolean scheduled(JsonNode event) {
    return event != null && "aws.events".equals(event.path("source").asText())
        && "Scheduled Event".equals(event.path("detail-type").asText());
  }

  private void track(JsonNode input) {
    TriggerEvent event;
    try {
      event = EventJson.fromEventBridge(input);
    } catch (Invalid e) {
      Log.error("event_rejected", e);
      return;
    }
    if (track.track(event) == TrackBehaviour.Tracked.CUSTOMER_UNKNOWN) {   // a counted event logs nothing
      Log.info("customer_unknown", "correlation_id", event.id(), "type", event.type(), "customer_id",
          event.customer().id());
    }
  }

  private void sweep(BooleanSupplier timeLeft) {
    SweepChanges.Swept swept = sweep.sweep(timeLeft);
    swept.failed().forEach(id -> Log.info("customer_change_not_followed", "customer_id", id));
    Log.info("customer_changes_swept", "followed", String.valueOf(swept.followed()),
        "failed", String.valueOf(swept.failed().size()));
  }

  private void refresh(String scheduleEventId) {
    List<Refresh> refreshed = refresh.refresh();
    for (Refresh r : refreshed) {
      Log.info("segment_refresh", "correlation_id", scheduleEventId, "segment_id", r.segmentId(),
          "outcome", r.outcome().name().toLowerCase(Locale.ROOT), "async_action_id", r.actionId());
    }
    Log.info("segments_refreshed", "correlation_id", scheduleEventId, "segments", String.valueOf(refreshed.size()),
        "started", String.valueOf(refreshed.stream().filter(r -> r.outcome() == RefreshTimedSegments.Outcome.STARTED)
            .count()));
  }
}
