package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import herald.local.fixtures.SlowHandler;
import herald.sam.EventSource;
import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.sam.TemplateReader;
import herald.standins.ElasticMq;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The runtime runs an SQS event source with as many batches at once as its ScalingConfig allows, and no more. */
class SqsScalingTest {
  private static final String TEMPLATE = """
      Parameters:
        SlowConcurrency:
          Type: Number
          Default: 4
      Resources:
        SlowQueue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: Slow
        WindowQueue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: Window
        PlainQueue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: Plain
        SlowFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: herald.local.fixtures.SlowHandler::handleRequest
            Events:
              Slow:
                Type: SQS
                Properties:
                  Queue: !GetAtt SlowQueue.Arn
                  BatchSize: 1
                  ScalingConfig:
                    MaximumConcurrency: !Ref SlowConcurrency
              Window:
                Type: SQS
                Properties:
                  Queue: !GetAtt WindowQueue.Arn
                  BatchSize: 10
                  MaximumBatchingWindowInSeconds: 2
                  ScalingConfig:
                    MaximumConcurrency: 2
              Plain:
                Type: SQS
                Properties:
                  Queue: !GetAtt PlainQueue.Arn
      """;
  private static ElasticMq elasticMq;
  private static SqsClient sqs;
  private static Map<String, String> urls;
  private final Template template = TemplateReader.parse(TEMPLATE);

  @BeforeAll
  static void start() {
    elasticMq = ElasticMq.start(0);
    sqs = Clients.sqs(elasticMq.endpoint());
    urls = Map.of("Slow", sqs.createQueue(q -> q.queueName("Slow")).queueUrl(),
        "Window", sqs.createQueue(q -> q.queueName("Window")).queueUrl(),
        "Plain", sqs.createQueue(q -> q.queueName("Plain")).queueUrl());
  }

  @AfterAll
  static void stop() {
    sqs.close();
    elasticMq.close();
  }

  @BeforeEach
  void reset() {
    SlowHandler.reset();
  }

  private Wiring wiring(Map<String, String> parameters) {
    return new Wiring(template, new Intrinsics(template, parameters, Map.of()), urls,
        Options.forTests(Path.of("template.yaml")));
  }

  private static SqsPoller poller(List<SqsPoller> pollers, String source) {
    return pollers.stream().filter(p -> p.source().name().equals(source)).findFirst().orElseThrow();
  }

  private static void send(String queue, int count) {
    for (int i = 0; i < count; i++) {
      String body = queue + "-" + i;
      sqs.sendMessage(m -> m.queueUrl(urls.get(queue)).messageBody(body));
    }
  }

  @Test
  void handlesQueuedBatchesAsManyAtOnceAsMaximumConcurrencyAllowsThenShrinksToOnePoller() {
    Wiring wiring = wiring(Map.of());
    List<SqsPoller> pollers = wiring.pollers(sqs, wiring.functions(new Endpoints("-", "-", "-", "-")));
    SqsPoller slow = poller(pollers, "Slow");
    send("Slow", 16);
    long start = System.nanoTime();

    try (SqsPoller running = slow.start()) {
      await().atMost(Duration.ofSeconds(10)).until(() -> SlowHandler.BATCH_SIZES.size() == 16);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(SlowHandler.MOST_IN_FLIGHT).hasValue(4); // !Ref SlowConcurrency, its Default
      assertThat(seconds).isLessThan(16 * 0.3 / 2);     // more than two at a time
      await().atMost(Duration.ofSeconds(5)).until(() -> running.pollers() == 1);
    }
  }

  @Test
  void takesMaximumConcurrencyFromAParameterOverrideAndTheLocalDefaultWithoutScalingConfig() {
    Wiring wiring = wiring(Map.of("SlowConcurrency", "7"));
    List<EventSource> events = template.functions().getFirst().events();

    assertThat(wiring.concurrency((EventSource.Sqs) events.get(0))).isEqualTo(7);
    assertThat(wiring.concurrency((EventSource.Sqs) events.get(1))).isEqualTo(2);
    assertThat(wiring.concurrency((EventSource.Sqs) events.get(2))).isEqualTo(Options.DEFAULT_CONCURRENCY);
  }

  @Test
  void gathersRecordsForTheBatchingWindowBeforeInvoking() throws InterruptedException {
    Wiring wiring = wiring(Map.of());
    List<SqsPoller> pollers = wiring.pollers(sqs, wiring.functions(new Endpoints("-", "-", "-", "-")));

    try (SqsPoller running = poller(pollers, "Window").start()) {
      for (int i = 0; i < 3; i++) {
        send("Window", 1);
        Thread.sleep(300);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> !SlowHandler.BATCH_SIZES.isEmpty());
    }
    assertThat(SlowHandler.BATCH_SIZES).containsExactly(3);
  }
}
