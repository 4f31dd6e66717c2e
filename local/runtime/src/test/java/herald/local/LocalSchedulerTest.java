package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SqsManualStarts;
import herald.adapters.json.ManualStartJson;
import herald.domain.manual.GracePeriod;
import herald.domain.manual.ManualStart;
import herald.platform.Json;
import herald.sam.Intrinsics;
import herald.standins.ElasticMq;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The EventBridge Scheduler stand-in, driven by the production adapter ({@link SqsManualStarts}) through the AWS SDK:
 * a start due later than SQS can delay becomes a one-time schedule whose request has the shape AWS's API takes, and
 * the stand-in puts its input on the target queue when due, then deletes it.
 */
class LocalSchedulerTest {
  private static ElasticMq elasticMq;
  private static SqsClient sqs;
  private static LocalAwsServer aws;
  private static LocalScheduler scheduler;
  private static SchedulerClient client;
  private static String queueUrl;

  @BeforeAll
  static void start() throws Exception {
    elasticMq = ElasticMq.start(0);
    sqs = Clients.sqs(elasticMq.endpoint());
    queueUrl = sqs.createQueue(r -> r.queueName("ManualStarts")).queueUrl();
    scheduler = new LocalScheduler(sqs, arn -> sqs.getQueueUrl(r -> r.queueName(arn.substring(arn.lastIndexOf(':')
        + 1))).queueUrl());
    aws = LocalAwsServer.start(0, null, new LocalSns());
    aws.scheduler(scheduler);
    client = SchedulerClient.builder().endpointOverride(URI.create(aws.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(Clients.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    aws.close();
    scheduler.close();
    sqs.close();
    elasticMq.close();
  }

  @Test
  void aStartDueLaterThanSqsCanDelayRunsFromAOneTimeScheduleThatDeletesItself() {
    Instant now = Instant.now();
    Instant due = now.plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    // the adapter's clock 20 minutes behind: to it, the start is due beyond SQS's 15 minutes
    Clock behind = Clock.fixed(now.minus(Duration.ofMinutes(20)), ZoneOffset.UTC);
    var starts = new SqsManualStarts(sqs, queueUrl, new SqsManualStarts.Target(client,
        Intrinsics.queueArn("ManualStarts"), "arn:aws:iam::000000000000:role/ManualSchedulerRole"),
        new GracePeriod(Duration.ofSeconds(2)), behind);
    ManualStart start = new ManualStart("dist_1", "sch_later");

    starts.at(start, due);

    JsonNode request = Json.parse(scheduler.created().get(scheduler.created().size() - 1));
    assertThat(request.path("ScheduleExpression").asText())
        .as("a grace period before it is due: the queue adds the grace period")
        .isEqualTo("at(" + due.minusSeconds(2).toString().replace("Z", "") + ")");
    assertThat(request.path("ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
    assertThat(request.path("ActionAfterCompletion").asText()).isEqualTo("DELETE");
    assertThat(request.path("FlexibleTimeWindow").path("Mode").asText()).isEqualTo("OFF");
    assertThat(request.path("Target").path("Arn").asText()).isEqualTo(Intrinsics.queueArn("ManualStarts"));
    assertThat(request.path("Target").path("RoleArn").asText()).endsWith(":role/ManualSchedulerRole");
    assertThat(ManualStartJson.read(request.path("Target").path("Input").asText())).isEqualTo(start);
    assertThat(client.getSchedule(r -> r.name("herald-sch_later")).scheduleExpression())
        .startsWith("at(");

    await().atMost(Duration.ofSeconds(10)).until(() -> !receive().isEmpty());
    // the scheduler deletes the schedule just after it sends the target's message: wait for it, briefly
    await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(scheduler.schedules()).as("deleted once it ran").doesNotContainKey("herald-sch_later"));
    assertThat(Instant.now()).isAfter(due.minusSeconds(3));
  }

  private final java.util.List<Message> received = new java.util.concurrent.CopyOnWriteArrayList<>();

  private List<Message> receive() {
    received.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(1)).messages());
    received.forEach(m -> assertThat(ManualStartJson.read(m.body())).isEqualTo(new ManualStart("dist_1",
        "sch_later")));
    return received;
  }

  @Test
  void refusesWhatHeraldNeverMakesAsAwsWould() {
    assertThatThrownBy(() -> client.createSchedule(r -> r.name("herald-rate").scheduleExpression("rate(1 day)")
        .flexibleTimeWindow(w -> w.mode("OFF")).target(t -> t.arn(Intrinsics.queueArn("ManualStarts"))
            .roleArn("arn:aws:iam::000000000000:role/R").input("{}"))))
        .isInstanceOf(ValidationException.class);
    client.createSchedule(r -> r.name("herald-twice").scheduleExpression("at(2099-01-01T00:00:00)")
        .flexibleTimeWindow(w -> w.mode("OFF")).target(t -> t.arn(Intrinsics.queueArn("ManualStarts"))
            .roleArn("arn:aws:iam::000000000000:role/R").input("{}")));
    assertThatThrownBy(() -> client.createSchedule(r -> r.name("herald-twice")
        .scheduleExpression("at(2099-01-01T00:00:00)").flexibleTimeWindow(w -> w.mode("OFF"))
        .target(t -> t.arn(Intrinsics.queueArn("ManualStarts")).roleArn("arn:aws:iam::000000000000:role/R")
            .input("{}")))).isInstanceOf(ConflictException.class);
    client.deleteSchedule(r -> r.name("herald-twice"));
    assertThat(scheduler.schedules()).doesNotContainKey("herald-twice");
  }
}
