package herald.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.domain.channels.email.EmailChannel;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.distributions.DistributionStatus;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.Seed;
import herald.testing.SesStore;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SenderHandlerTest {
  private Env env;
  private String email;
  private SesStore ses;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("EVENT_BUS_NAME", "herald-test");
    email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    ses = new SesStore(StandIns.get().ses.endpoint());
  }

  @Test
  void sendsTheRenderedEmailFromTheBrandAndRecordsSent() {
    new Seed(env).brand().customer(email).distribution(DistributionStatus.ACTIVE);

    SQSBatchResponse response = new SenderHandler(env).handleRequest(job(), null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    List<JsonNode> sent = ses.to(email);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path("subject").asText()).isEqualTo("Hi Ada <Lovelace>");
    assertThat(sent.get(0).path("body").path("html").asText()).contains("Welcome Ada &lt;Lovelace&gt;");
    assertThat(sent.get(0).path("body").path("text").asText()).contains("Welcome Ada <Lovelace>, plan gold");
    assertThat(sent.get(0).path("from").asText()).contains("hello@acme.test");
    assertThat(onlyMessage().status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void aTemplateThatRendersPastTheSizeLimitFailsAtOnceWithoutRetryingOrSending() {
    String items = "customer.metadata.items";
    String html = "<p>{{#" + items + "}}{{#" + items + "}}{{#" + items + "}}{{#" + items + "}}{{.}}"
        + "{{/" + items + "}}{{/" + items + "}}{{/" + items + "}}{{/" + items + "}}</p>";
    new Seed(env).brand().customer(email, Map.of("items", Collections.nCopies(100, "x")))
        .distribution(DistributionStatus.ACTIVE, new EmailChannel("Hi {{customer.name}}", html, null));

    long start = System.nanoTime();
    SQSBatchResponse response = new SenderHandler(env).handleRequest(job(), null);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(ses.to(email)).isEmpty();
    assertThat(onlyMessage().status()).isEqualTo(MessageStatus.FAILED);
    assertThat(onlyMessage().reason()).isEqualTo("template_too_large");
  }

  @Test
  void aRetriedFailedMessageIsSentAsANewAttempt() {
    String items = "customer.metadata.items";
    String html = "<p>{{#" + items + "}}{{#" + items + "}}{{#" + items + "}}{{#" + items + "}}{{.}}"
        + "{{/" + items + "}}{{/" + items + "}}{{/" + items + "}}{{/" + items + "}}</p>";
    new Seed(env).brand().customer(email, Map.of("items", Collections.nCopies(100, "x")))
        .distribution(DistributionStatus.ACTIVE, new EmailChannel("Hi {{customer.name}}", html, null));
    new SenderHandler(env).handleRequest(job(), null);
    assertThat(onlyMessage().status()).isEqualTo(MessageStatus.FAILED);
    var dynamo = StandIns.dynamo(env);
    var distributions = new herald.adapters.dynamodb.DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        herald.testing.TestChannels.kinds());
    var stored = distributions.get(Seed.DISTRIBUTION_ID).orElseThrow();
    distributions.replace(new herald.domain.distributions.Distribution(stored.id(), stored.name(), null,
        stored.status(), stored.trigger(), stored.audience(), stored.action(),
        List.of(new EmailChannel("Hi {{customer.name}}", "<p>Fixed</p>", null)), 2, stored.createdAt(),
        java.time.Instant.now()), 1);
    var sqs = StandIns.sqs(env);
    var retry = new herald.domain.delivery.RetryMessages(
        new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), Clock.systemUTC()),
        new herald.adapters.dynamodb.DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE")),
        new herald.adapters.aws.SqsSendQueue(sqs, env.get("SEND_QUEUE_URL")), Clock.systemUTC());

    retry.retry(onlyMessage().id());
    var queued = sqs.receiveMessage(r -> r.queueUrl(env.get("SEND_QUEUE_URL")).maxNumberOfMessages(10)).messages();
    assertThat(queued).hasSize(1);
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(queued.get(0).messageId());
    record.setBody(queued.get(0).body());
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(record));
    SQSBatchResponse response = new SenderHandler(env).handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(onlyMessage().status()).isEqualTo(MessageStatus.SENT);
    assertThat(onlyMessage().attempts()).isEqualTo(2);
    assertThat(ses.to(email)).hasSize(1);
  }

  @Test
  void aRedeliveredJobSendsNothingTwice() {
    new Seed(env).brand().customer(email).distribution(DistributionStatus.ACTIVE);
    SenderHandler handler = new SenderHandler(env);

    handler.handleRequest(job(), null);
    SQSBatchResponse again = handler.handleRequest(job(), null);
    new SenderHandler(env).handleRequest(job(), null);

    assertThat(again.getBatchItemFailures()).isEmpty();
    assertThat(ses.to(email)).hasSize(1);
    assertThat(onlyMessage().status()).isEqualTo(MessageStatus.SENT);
  }

  @Test
  void skipsWithoutBrandDetails() {
    new Seed(env).customer(email).distribution(DistributionStatus.ACTIVE);

    new SenderHandler(env).handleRequest(job(), null);

    assertThat(ses.to(email)).isEmpty();
    assertThat(onlyMessage().status()).isEqualTo(MessageStatus.SKIPPED);
    assertThat(onlyMessage().reason()).isEqualTo("missing_brand_details");
  }

  @Test
  void skipsWhenTheDistributionWasPausedMeanwhile() {
    new Seed(env).brand().customer(email).distribution(DistributionStatus.PAUSED);

    new SenderHandler(env).handleRequest(job(), null);

    assertThat(ses.to(email)).isEmpty();
    assertThat(onlyMessage().reason()).isEqualTo("distribution_stopped");
  }

  @Test
  void reportsTheRecordAsFailedWhenTheStoreIsUnreachableAndSendsNothing() {
    new Seed(env).brand().customer(email).distribution(DistributionStatus.ACTIVE);
    Env broken = env.with("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1");

    SQSBatchResponse response = new SenderHandler(broken).handleRequest(job(), null);

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
    assertThat(ses.to(email)).isEmpty();
  }

  @Test
  void acknowledgesABodyThatIsNotASendJobInsteadOfRetryingItForever() {
    SQSEvent event = job();
    event.getRecords().get(0).setBody("{\"distribution_id\":\"dist_welcome\"}");
    SQSEvent.SQSMessage good = job().getRecords().get(0);
    good.setMessageId("good-one");
    new Seed(env).brand().customer(email).distribution(DistributionStatus.ACTIVE);
    event.setRecords(List.of(event.getRecords().get(0), good));

    SQSBatchResponse response = new SenderHandler(env).handleRequest(event, null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(ses.to(email)).hasSize(1);
  }

  @Test
  void primingForTheSnapshotReadsTheStoresButWritesNothing() {
    DaggerSenderComponent.factory().create(env).prime();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("MESSAGES_TABLE"))).count()).isZero();
  }

  private static SQSEvent job() {
    return EventLoader.loadSQSEvent(EventFiles.path("sender-send-job.json").toString());
  }

  private Message onlyMessage() {
    var page = new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC())
        .forDistribution(Seed.DISTRIBUTION_ID, null, 10);
    assertThat(page.items()).hasSize(1);
    return page.items().get(0);
  }
}
