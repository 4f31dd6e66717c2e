package herald.adapters.aws;

import herald.adapters.json.ManualStartJson;
import herald.domain.manual.GracePeriod;
import herald.domain.manual.ManualStart;
import herald.domain.manual.ManualStarts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Manual starts on the manual queue, whose DelaySeconds is the grace period. A start due within SQS's longest delay
 * (15 minutes) goes on with its own DelaySeconds; a later one becomes an EventBridge Scheduler one-time schedule,
 * {@code at(yyyy-mm-ddThh:mm:ss)} in UTC, named {@code herald-<schedule id>}, that puts the start on the queue a grace
 * period before it is due (the queue then delays it by the grace period) and deletes itself once it ran.
 */
public final class SqsManualStarts implements ManualStarts {
  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private final SqsClient sqs;
  private final String queueUrl;
  private final Target target;
  private final GracePeriod grace;
  private final Clock clock;

  /**
   * What a one-time schedule sends to: the queue's ARN and the role the scheduler takes to send to it, and its
   * scheduler client; null where no schedule is ever made (the manual function only puts starts back).
   */
  public record Target(SchedulerClient scheduler, String queueArn, String roleArn) {}

  public SqsManualStarts(SqsClient sqs, String queueUrl, Target target, GracePeriod grace, Clock clock) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.target = target;
    this.grace = grace;
    this.clock = clock;
  }

  @Override
  public void afterGracePeriod(ManualStart start) {
    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(ManualStartJson.write(start)));
  }

  @Override
  public void at(ManualStart start, Instant at) {
    Duration wait = Duration.between(clock.instant(), at);
    if (wait.compareTo(MAX_DELAY) <= 0) {
      retryIn(start, wait);
      return;
    }
    if (target == null) throw new IllegalStateException("this function makes no schedules");
    Instant fire = at.minus(grace.duration()).truncatedTo(ChronoUnit.SECONDS);
    target.scheduler().createSchedule(r -> r.name(name(start))
        .description("Herald: starts the manual send of " + start.distributionId())
        .scheduleExpression("at(" + AT.format(fire) + ")")
        .scheduleExpressionTimezone("UTC")
        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
        .actionAfterCompletion(ActionAfterCompletion.DELETE)
        .target(t -> t.arn(target.queueArn()).roleArn(target.roleArn()).input(ManualStartJson.write(start))));
  }

  @Override
  public void retryIn(ManualStart start, Duration delay) {
    long seconds = Math.max(0, Math.min(MAX_DELAY.toSeconds(), (delay.toMillis() + 999) / 1000));
    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(ManualStartJson.write(start)).delaySeconds((int) seconds));
  }

  /** The schedule's name: unique per schedule, at most 64 characters. */
  static String name(ManualStart start) {
    return "herald-" + start.scheduleId();
  }
}
