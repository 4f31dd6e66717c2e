package herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.events.TriggerEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lines CloudWatch's Embedded Metric Format specification describes: a root object whose {@code _aws} holds a
 * Timestamp (epoch milliseconds) and CloudWatchMetrics, an array of directives, each a Namespace, Dimensions (an
 * array of dimension sets, each an array of member names) and Metrics (Name, and Unit from CloudWatch's units);
 * every name a directive refers to is a member of the root: a dimension's string value, a metric's number or array
 * of numbers (at most 100).
 */
class MetricLineTest {
  private static final Instant AT = Instant.parse("2026-12-05T10:00:00.250Z");
  private static final List<String> UNITS = List.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
      "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
      "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
      "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

  @Test
  void writesTheExactDocumentTheSpecificationDescribes() {
    String line = new MetricLine("Herald/prod").dimension("Channel", "email")
        .metric("Sent", MetricLine.Unit.COUNT, 3)
        .metric("EventToSendLatency", MetricLine.Unit.MILLISECONDS, List.of(120.0, 95.5))
        .json(AT);

    assertThat(line).isEqualTo("{\"_aws\":{\"Timestamp\":1796464800250,\"CloudWatchMetrics\":[{\"Namespace\":"
        + "\"Herald/prod\",\"Dimensions\":[[\"Channel\"]],\"Metrics\":[{\"Name\":\"Sent\",\"Unit\":\"Count\"},"
        + "{\"Name\":\"EventToSendLatency\",\"Unit\":\"Milliseconds\"}]}]},\"Channel\":\"email\",\"Sent\":3,"
        + "\"EventToSendLatency\":[120,95.5]}");
    assertFollowsTheSpecification(Json.parse(line));
  }

  @Test
  void keepsAtMostOneHundredValuesAndRefusesANameUsedTwice() {
    List<Double> many = java.util.stream.IntStream.range(0, 150).mapToObj(i -> (double) i).toList();
    JsonNode node = Json.parse(new MetricLine("Herald").dimension("Queue", "fanout")
        .metric("DeadLetters", MetricLine.Unit.COUNT, many).json(AT));
    assertThat(node.get("DeadLetters")).hasSize(100);
    assertFollowsTheSpecification(node);
    assertThatThrownBy(() -> new MetricLine("Herald").dimension("Sent", "x").metric("Sent", MetricLine.Unit.COUNT, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSendersBatchPrintsOneLinePerChannelWithItsOutcomesAndLatencyAndNoPersonalData() {
    Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    SendMetrics batch = new Metrics("Herald/test", clock).sends();
    TriggerEvent event = new TriggerEvent("evt_1", "customer.custom_event", AT.minusMillis(1500),
        new TriggerEvent.CustomerRef("cust_1", "ada@example.com"), Map.of("event", "signed_up"));
    batch.add(new SendJob("dist_1", "email", "cust_1", event), Optional.of(MessageStatus.SENT));
    batch.add(new SendJob("dist_1", "email", "cust_2", event), Optional.of(MessageStatus.SKIPPED));
    batch.add(new SendJob("dist_1", "webhook", "cust_1", event), Optional.of(MessageStatus.FAILED));
    batch.add(new SendJob("dist_1", "webhook", "cust_3", event), Optional.of(MessageStatus.QUEUED));   // comes back
    assertThat(batch.add(new SendJob("dist_1", "sms", "cust_1", event), Optional.empty())).isEqualTo("ALREADY_CLAIMED");

    String[] lines = printed(batch::print).split("\n");

    assertThat(lines).hasSize(2);
    JsonNode email = Json.parse(lines[0]);
    JsonNode webhook = Json.parse(lines[1]);
    assertFollowsTheSpecification(email);
    assertFollowsTheSpecification(webhook);
    assertThat(email.get("Channel").asText()).isEqualTo("email");
    assertThat(email.get("Sent").asLong()).isEqualTo(1);
    assertThat(email.get("Skipped").asLong()).isEqualTo(1);
    assertThat(email.get("Failed").asLong()).isEqualTo(0);
    assertThat(email.get("EventToSendLatency").asLong()).isEqualTo(1500);
    assertThat(webhook.get("Failed").asLong()).isEqualTo(1);
    assertThat(webhook.has("EventToSendLatency")).isFalse();
    assertThat(String.join("\n", lines)).doesNotContain("cust_", "dist_", "ada", "@");
  }

  /** The specification's rules, checked member by member. */
  static void assertFollowsTheSpecification(JsonNode root) {
    JsonNode aws = root.get("_aws");
    assertThat(aws.isObject()).isTrue();
    assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
    assertThat(aws.get("CloudWatchMetrics").isArray()).isTrue();
    for (JsonNode directive : aws.get("CloudWatchMetrics")) {
      assertThat(directive.get("Namespace").isTextual()).isTrue();
      assertThat(directive.get("Namespace").asText()).isNotBlank();
      for (JsonNode set : directive.get("Dimensions")) {
        assertThat(set.isArray()).isTrue();
        assertThat(set.size()).isBetween(1, 30);
        for (JsonNode name : set) assertThat(root.get(name.asText()).isTextual()).as(name.asText()).isTrue();
      }
      assertThat(directive.get("Metrics").size()).isBetween(1, 100);
      for (JsonNode metric : directive.get("Metrics")) {
        for (Iterator<String> f = metric.fieldNames(); f.hasNext(); ) assertThat(f.next()).isIn("Name", "Unit", "StorageResolution");
        assertThat(UNITS).contains(metric.get("Unit").asText());
        JsonNode value = root.get(metric.get("Name").asText());
        assertThat(value).as(metric.get("Name").asText()).isNotNull();
        if (value.isArray()) {
          assertThat(value.size()).isBetween(1, 100);
          value.forEach(v -> assertThat(v.isNumber()).isTrue());
        } else {
          assertThat(value.isNumber()).isTrue();
        }
      }
    }
  }

  private static String printed(Runnable run) {
    PrintStream before = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(before);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
