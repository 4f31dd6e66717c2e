package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SqsManualStarts;
import herald.domain.manual.GracePeriod;
import herald.domain.manual.ManualStarts;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Manual sends: the manual queue (MANUAL_QUEUE_URL) and its grace period (MANUAL_GRACE_SECONDS, the template's
 * ManualGraceSeconds, which is also the queue's DelaySeconds). Where MANUAL_SCHEDULER_ROLE_ARN is set (the api
 * function), starts due later than SQS can delay become EventBridge Scheduler schedules sending to MANUAL_QUEUE_ARN.
 */
@Module
public final class ManualModule {
  private ManualModule() {}

  @Provides @Singleton static GracePeriod grace(Env env) {
    return new GracePeriod(Duration.ofSeconds(Long.parseLong(env.get("MANUAL_GRACE_SECONDS").trim())));
  }

  @Provides @Singleton static ManualStarts manualStarts(SqsClient sqs, Env env, GracePeriod grace, Clock clock,
      jakarta.inject.Provider<SchedulerClient> scheduler) {
    SqsManualStarts.Target target = env.optional("MANUAL_SCHEDULER_ROLE_ARN")
        .map(role -> new SqsManualStarts.Target(scheduler.get(), env.get("MANUAL_QUEUE_ARN"), role)).orElse(null);
    return new SqsManualStarts(sqs, env.get("MANUAL_QUEUE_URL"), target, grace, clock);
  }
}
