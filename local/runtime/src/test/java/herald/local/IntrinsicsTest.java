package herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.sam.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
  private final Template template = Fixtures.read();
  private final Intrinsics intrinsics = new Intrinsics(template, Map.of("ApiKey", "k-123"),
      Map.of("WorkQueue", "http://127.0.0.1:9/000000000000/WorkQueue"));

  @Test
  void resolvesEveryVariableTheWayTheContractSays() {
    Map<String, String> env = new LinkedHashMap<>();
    Fixtures.function(template, "EchoFunction").environment().forEach((k, v) -> {
      String value = intrinsics.string(v);
      if (value != null) env.put(k, value);
    });
    assertThat(env)
        .containsEntry("ITEMS_TABLE", "ItemsTable")
        .containsEntry("STAGE", "local")
        .containsEntry("HERALD_API_KEY", "k-123")
        .containsEntry("BUS_NAME", "herald-local")
        .containsEntry("QUEUE_URL", "http://127.0.0.1:9/000000000000/WorkQueue")
        .containsEntry("QUEUE_ARN", "arn:aws:sqs:us-east-1:000000000000:WorkQueue")
        .containsEntry("QUEUE_NAME", "WorkQueue")
        .containsEntry("CONFIG_SET", "fixture-mail")
        .containsEntry("SUB_LIST", "beta-us-east-1-000000000000-${Literal}")
        .containsEntry("JOINED", "a/local/arn:aws:events:us-east-1:000000000000:event-bus/herald-local")
        .containsEntry("CHOSEN", "here")
        .containsEntry("REMOTE", "no")
        .containsEntry("BATCH", "5")
        .containsEntry("SECOND", "y")
        .containsEntry("ZONE", "us-east-1a")
        .containsEntry("IMPORTED", "shared-export")
        .containsEntry("ENCODED", "aGVyYWxk")
        .doesNotContainKey("DROPPED");
  }

  @Test
  void namesResourcesAfterTheirLogicalIdsUnlessTheTemplateNamesThem() {
    assertThat(template.tables()).extracting(intrinsics::tableName).containsExactly("ItemsTable", "local-named");
    assertThat(template.queues()).extracting(intrinsics::queueName)
        .containsExactly("WorkQueue", "WorkDLQ", "DelayedQueue", "RuleDLQ");
    assertThat(intrinsics.string(Values.map(template.queues().get(0).redrivePolicy()).get("deadLetterTargetArn")))
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:WorkDLQ");
  }

  @Test
  void aNameSuffixEndsEveryTableAndQueueNameAndWhatRefersToThem() {
    Intrinsics suffixed = intrinsics.withNameSuffix("-1a2b");

    assertThat(template.tables()).extracting(suffixed::tableName).containsExactly("ItemsTable-1a2b", "local-named-1a2b");
    assertThat(template.queues()).extracting(suffixed::queueName)
        .containsExactly("WorkQueue-1a2b", "WorkDLQ-1a2b", "DelayedQueue-1a2b", "RuleDLQ-1a2b");
    assertThat(suffixed.string(Map.of("Ref", "ItemsTable"))).isEqualTo("ItemsTable-1a2b");
    assertThat(suffixed.string(Map.of("Fn::GetAtt", List.of("WorkQueue", "QueueName"))))
        .isEqualTo("WorkQueue-1a2b");
    assertThat(suffixed.string(Values.map(template.queues().get(0).redrivePolicy()).get("deadLetterTargetArn")))
        .isEqualTo("arn:aws:sqs:us-east-1:000000000000:WorkDLQ-1a2b");
    assertThat(suffixed.string(Map.of("Ref", "Bus"))).as("only tables and queues").isEqualTo("herald-local");
  }
}
