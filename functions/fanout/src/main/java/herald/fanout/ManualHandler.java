package herald.fanout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.json.ManualStartJson;
import herald.domain.manual.StartManualSend;
import herald.platform.Env;
import herald.platform.Log;
import herald.platform.SqsBatch;
import herald.platform.Startup;

/**
 * The manual function: a manual send's start, off the manual queue once the grace period (or the wait until its
 * send_at) is over. A start that fails comes back; started twice, it queues the same messages.
 */
public final class ManualHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final StartManualSend start;

  public ManualHandler() { this(Env.system()); }
  public ManualHandler(Env env) {
    this(Startup.component("manual", env, DaggerManualComponent.factory()::create).start());
  }
  ManualHandler(StartManualSend start) { this.start = start; }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return SqsBatch.each(event, record -> {
      var job = ManualStartJson.read(record.getBody());
      Log.info("manual_start", "distribution_id", job.distributionId(), "schedule_id", job.scheduleId(),
          "outcome", start.start(job).name().toLowerCase(java.util.Locale.ROOT));
    });
  }
}
