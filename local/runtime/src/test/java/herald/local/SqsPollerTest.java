package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import herald.local.fixtures.BatchHandler;
import herald.local.fixtures.StreamBatchHandler;
import herald.platform.Env;
import herald.sam.EventSource;
import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.standins.ElasticMq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsPollerTest {
  private static final EventSource.Sqs SOURCE = new EventSource.Sqs("Work", null, 5, true, true);
  private static ElasticMq elasticMq;
  private static SqsClient sqs;
  private static LambdaFunction function;
  private static LambdaFunction streams;

  @BeforeAll
  static void start() {
    elasticMq = ElasticMq.start(0);
    sqs = Clients.sqs(elasticMq.endpoint());
    Template.Function spec = new Template.Function("BatchFunction",
        "herald.local.fixtures.BatchHandler::handleRequest", Map.of(), 30, 256, List.of(SOURCE));
    function = LambdaFunction.load(spec, Env.of(Map.of()), 2);
    streams = LambdaFunction.load(new Template.Function("StreamFunction",
        "herald.local.fixtures.StreamBatchHandler::handleRequest", Map.of(), 30, 256, List.of(SOURCE)),
        Env.of(Map.of()), 2);
  }

  @AfterAll
  static void stop() {
    sqs.close();
    elasticMq.close();
  }

  /** A queue redriving to name-DLQ after two receives, with a one-second visibility timeout. */
  private static String[] queueWithDeadLetters(String name) {
    String dlq = sqs.createQueue(b -> b.queueName(name + "-DLQ")).queueUrl();
    String policy = "{\"deadLetterTargetArn\":\"" + Intrinsics.queueArn(name + "-DLQ") + "\",\"maxReceiveCount\":2}";
    String queue = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, "1", QueueAttributeName.REDRIVE_POLICY, policy))).queueUrl();
    return new String[] {queue, dlq};
  }

  private static List<SQSEvent.SQSMessage> received(String body) {
    return BatchHandler.RECEIVED.stream().filter(m -> m.getBody().equals(body)).toList();
  }

  private static int messagesIn(String queue) {
    Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.ALL))
        .attributesAsStrings();
    return Integer.parseInt(a.get("ApproximateNumberOfMessages"))
        + Integer.parseInt(a.get("ApproximateNumberOfMessagesNotVisible"));
  }

  @Test
  void deletesSucceededRecordsAndRedeliversFailedOnesUntilTheyLandInTheDeadLetterQueue() {
    String[] queues = queueWithDeadLetters("Work1");
    for (String body : List.of("ok-1", "fail-1", "ok-2")) sqs.sendMessage(m -> m.queueUrl(queues[0]).messageBody(body));

    try (SqsPoller poller = new SqsPoller(sqs, function, SOURCE, queues[0], Intrinsics.queueArn("Work1"), 2, 1)) {
      poller.start();
      List<Message> dead = await().atMost(Duration.ofSeconds(15)).until(() -> sqs.receiveMessage(r -> r
          .queueUrl(queues[1]).waitTimeSeconds(1)).messages(), m -> !m.isEmpty());
      assertThat(dead).extracting(Message::body).containsExactly("fail-1");
      assertThat(messagesIn(queues[0])).isZero();
    }
    assertThat(received("ok-1")).hasSize(1);
    assertThat(received("ok-2")).hasSize(1);
    assertThat(received("fail-1")).extracting(m -> m.getAttributes().get("ApproximateReceiveCount"))
        .containsExactly("1", "2");
    SQSEvent.SQSMessage record = received("ok-1").get(0);
    assertThat(record.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:Work1");
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getAttributes()).containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
  }

  @Test
  void leavesTheWholeBatchWhenTheHandlerThrows() throws InterruptedException {
    String[] queues = queueWithDeadLetters("Work2");
    for (String body : List.of("ok-3", "throw-3")) sqs.sendMessage(m -> m.queueUrl(queues[0]).messageBody(body));
    List<Message> batch = new ArrayList<>();
    while (batch.size() < 2) {
      batch.addAll(sqs.receiveMessage(r -> r.queueUrl(queues[0]).maxNumberOfMessages(10)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
    }
    SqsPoller poller = new SqsPoller(sqs, function, SOURCE, queues[0], Intrinsics.queueArn("Work2"), 1, 1);

    poller.handle(batch);

    Thread.sleep(1200);
    List<Message> again = sqs.receiveMessage(r -> r.queueUrl(queues[0]).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages();
    assertThat(again).extracting(Message::body).containsExactlyInAnyOrder("ok-3", "throw-3");
  }

  @Test
  void handsAStreamHandlerLambdasEventJsonAndRedeliversTheRecordsItsAnswerReportsFailed() {
    String[] queues = queueWithDeadLetters("Work4");
    for (String body : List.of("ok-s1", "fail-s1")) sqs.sendMessage(m -> m.queueUrl(queues[0]).messageBody(body));

    try (SqsPoller poller = new SqsPoller(sqs, streams, SOURCE, queues[0], Intrinsics.queueArn("Work4"), 1, 1)) {
      poller.start();
      List<Message> dead = await().atMost(Duration.ofSeconds(15)).until(() -> sqs.receiveMessage(r -> r
          .queueUrl(queues[1]).waitTimeSeconds(1)).messages(), m -> !m.isEmpty());
      assertThat(dead).extracting(Message::body).containsExactly("fail-s1");
      assertThat(messagesIn(queues[0])).isZero();
    }
    JsonNode record = streamRecords("ok-s1").getFirst();
    assertThat(streamRecords("ok-s1")).hasSize(1);
    assertThat(streamRecords("fail-s1")).hasSize(2);
    assertThat(record.path("messageId").asText()).isNotBlank();
    assertThat(record.path("receiptHandle").asText()).isNotBlank();
    assertThat(record.path("md5OfBody").asText()).isNotBlank();
    assertThat(record.path("attributes").path("ApproximateReceiveCount").asText()).isEqualTo("1");
    assertThat(record.path("attributes").has("SentTimestamp")).isTrue();
    assertThat(record.path("messageAttributes").isObject()).isTrue();
    assertThat(record.path("eventSource").asText()).isEqualTo("aws:sqs");
    assertThat(record.path("eventSourceARN").asText()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:Work4");
    assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
  }

  @Test
  void aStreamHandlersAnswerThatIsNoBatchResponseFailsTheBatchAndNoAnswerAtAllIsABatchDone() throws Exception {
    String[] garbled = queueWithDeadLetters("Work5");
    for (String body : List.of("ok-g", "garble-g")) sqs.sendMessage(m -> m.queueUrl(garbled[0]).messageBody(body));
    String[] quiet = queueWithDeadLetters("Work6");
    sqs.sendMessage(m -> m.queueUrl(quiet[0]).messageBody("quiet-q"));

    new SqsPoller(sqs, streams, SOURCE, garbled[0], Intrinsics.queueArn("Work5"), 1, 1)
        .handle(receiveAll(garbled[0], 2));
    new SqsPoller(sqs, streams, SOURCE, quiet[0], Intrinsics.queueArn("Work6"), 1, 1).handle(receiveAll(quiet[0], 1));

    Thread.sleep(3200);
    assertThat(receiveAll(garbled[0], 2)).extracting(Message::body).containsExactlyInAnyOrder("ok-g", "garble-g");
    assertThat(messagesIn(quiet[0])).isZero();
  }

  /** {@code count} messages of the queue, each once, hidden for 3 s. */
  private static List<Message> receiveAll(String queue, int count) {
    Map<String, Message> batch = new java.util.LinkedHashMap<>();
    for (int tries = 0; batch.size() < count && tries < 10; tries++) {
      sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(3)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages()
          .forEach(m -> batch.putIfAbsent(m.messageId(), m));
    }
    return new ArrayList<>(batch.values());
  }

  private static List<JsonNode> streamRecords(String body) {
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode event : StreamBatchHandler.RECEIVED) {
      for (JsonNode record : event.path("Records")) if (record.path("body").asText().equals(body)) records.add(record);
    }
    return records;
  }

  @Test
  void handsTheFunctionAtMostItsBatchSize() {
    String[] queues = queueWithDeadLetters("Work3");
    for (int i = 0; i < 12; i++) {
      String body = "ok-batch-" + i;
      sqs.sendMessage(m -> m.queueUrl(queues[0]).messageBody(body));
    }
    BatchHandler.BATCH_SIZES.clear();
    try (SqsPoller poller = new SqsPoller(sqs, function, SOURCE, queues[0], Intrinsics.queueArn("Work3"), 1, 1)) {
      poller.start();
      await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(queues[0]) == 0);
    }
    assertThat(BatchHandler.BATCH_SIZES).allSatisfy(size -> assertThat(size).isBetween(1, 5));
    assertThat(BatchHandler.BATCH_SIZES.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
  }
}
