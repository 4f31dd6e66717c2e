package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.fixtures.RecordingStreamHandler;
import herald.platform.Env;
import herald.sam.Intrinsics;
import herald.sam.Template;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rate schedule invoking its function period after period, with EventBridge's Scheduled Event, until closed. */
class LocalSchedulesTest {
  private static final String RULE = "arn:aws:events:us-east-1:000000000000:rule/local-TickerTick";

  private static List<JsonNode> ticks() {
    return RecordingStreamHandler.RECEIVED.stream()
        .filter(e -> e.path("resources").path(0).asText().equals(RULE)).toList();
  }

  @Test
  void invokesTheFunctionOncePerPeriodWithAScheduledEventAndStopsWhenClosed() throws Exception {
    LambdaFunction ticker = LambdaFunction.load(new Template.Function("Ticker",
        "herald.local.fixtures.RecordingStreamHandler::handleRequest", Map.of(), 3, 128, List.of()),
        Env.of(Map.of()), 1);
    LocalEventBridge.Target target = new LocalEventBridge.Target("Ticker-Tick", ticker, "default", 0, 60, null);
    try (AsyncInvoker invoker = new AsyncInvoker(null, 1, Duration.ofMillis(10))) {
      LocalSchedules schedules = new LocalSchedules(List.of(new LocalSchedules.Scheduled("Tick", target,
          "rate(1 minute)", Duration.ofMillis(200), null)), invoker).start();

      Thread.sleep(100);
      assertThat(ticks()).as("the first run comes one period after the start").isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> ticks().size() >= 3);
      schedules.close();
      int fired = ticks().size();
      Thread.sleep(600);

      assertThat(ticks()).hasSize(fired);
      assertThat(ticks()).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
      JsonNode event = ticks().getFirst();
      assertThat(event.path("version").asText()).isEqualTo("0");
      assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
      assertThat(event.path("source").asText()).isEqualTo("aws.events");
      assertThat(event.path("account").asText()).isEqualTo(Intrinsics.ACCOUNT);
      assertThat(event.path("region").asText()).isEqualTo(Intrinsics.REGION);
      assertThat(event.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
      assertThat(event.path("detail").isObject()).isTrue();
      assertThat(event.path("detail").isEmpty()).isTrue();
    }
  }
}
