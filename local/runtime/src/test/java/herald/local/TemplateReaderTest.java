package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.sam.EventSource;
import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.sam.TemplateReader;
import herald.sam.Values;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
  private final Template template = Fixtures.read();

  @Test
  void readsShortTagsAsTheirLongForms() {
    Map<String, Object> env = Fixtures.function(template, "EchoFunction").environment();
    assertThat(env.get("BUS_NAME")).isEqualTo(Map.of("Ref", "Bus"));
    assertThat(env.get("QUEUE_ARN")).isEqualTo(Map.of("Fn::GetAtt", List.of("WorkQueue", "Arn")));
    assertThat(env.get("SUB_LIST")).isEqualTo(Map.of("Fn::Sub", List.of(
        "${Prefix}-${AWS::Region}-${AWS::AccountId}-${!Literal}",
        Map.of("Prefix", Map.of("Fn::Select", List.of(1, Map.of("Ref", "Names")))))));
    assertThat(env.get("JOINED")).isEqualTo(Map.of("Fn::Join", List.of("/", List.of("a", Map.of("Ref", "Stage"),
        Map.of("Fn::GetAtt", List.of("Bus", "Arn"))))));
    assertThat(env.get("CHOSEN")).isEqualTo(Map.of("Fn::If", List.of("IsLocal", "here", "there")));
    assertThat(env.get("BATCH")).isEqualTo(Map.of("Fn::FindInMap", List.of("Limits", Map.of("Ref", "Stage"), "Batch")));
    assertThat(env.get("SECOND")).isEqualTo(Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of(",", "x,y,z")))));
    assertThat(env.get("ZONE")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
    assertThat(env.get("IMPORTED")).isEqualTo(Map.of("Fn::ImportValue", "shared-export"));
    assertThat(env.get("ENCODED")).isEqualTo(Map.of("Fn::Base64", "herald"));
    assertThat(template.conditions().get("IsLocal"))
        .isEqualTo(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "local")));
    assertThat(template.conditions().get("IsRemote"))
        .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsLocal"))));
    Template.Queue delayed = template.queues().stream().filter(q -> q.logicalId().equals("DelayedQueue")).findFirst()
        .orElseThrow();
    assertThat(Values.map(delayed.redrivePolicy()).get("deadLetterTargetArn"))
        .isEqualTo(Map.of("Fn::GetAtt", List.of("WorkDLQ", "Arn")));
  }

  @Test
  void mergesGlobalsIntoEachFunction() {
    Template.Function echo = Fixtures.function(template, "EchoFunction");
    assertThat(echo.handler()).isEqualTo("herald.local.fixtures.EchoHandler::handleRequest");
    assertThat(echo.handlerClass()).isEqualTo("herald.local.fixtures.EchoHandler");
    assertThat(echo.timeout()).isEqualTo(20);
    assertThat(echo.memorySize()).isEqualTo(512);
    assertThat(echo.environment()).containsEntry("ITEMS_TABLE", Map.of("Ref", "ItemsTable"))
        .containsEntry("STAGE", Map.of("Ref", "Stage")).containsKey("HERALD_API_KEY");
    Template.Function rule = Fixtures.function(template, "RuleFunction");
    assertThat(rule.timeout()).isEqualTo(60);
    assertThat(rule.environment()).containsOnlyKeys("ITEMS_TABLE", "STAGE");
    assertThat(Fixtures.function(template, "BatchFunction").environment()).containsEntry("STAGE", "overridden");
  }

  @Test
  void readsTablesQueuesAndTheBus() {
    assertThat(template.tables()).extracting(Template.Table::logicalId).containsExactly("ItemsTable", "NamedTable");
    Template.Table items = template.tables().get(0);
    assertThat(items.keySchema()).containsExactly(new Template.Key("id", "HASH"));
    assertThat(items.attributes()).containsEntry("id", "S").containsEntry("owner", "S");
    assertThat(items.globalIndexes()).containsExactly(new Template.Index("ByOwner",
        List.of(new Template.Key("owner", "HASH"), new Template.Key("id", "RANGE")), "ALL", List.of()));
    assertThat(template.queues()).extracting(Template.Queue::logicalId)
        .containsExactly("WorkQueue", "WorkDLQ", "DelayedQueue", "RuleDLQ");
    assertThat(template.queues().get(2).attributes()).containsEntry("DelaySeconds", 600)
        .containsEntry("VisibilityTimeout", 120);
    assertThat(template.buses()).extracting(Template.Bus::logicalId).containsExactly("Bus");
  }

  @Test
  void replacesPropertiesOfOneQueueOnlyAndRefusesAQueueItDoesNotHave() {
    Template changed = template.withQueueProperties("WorkQueue", Map.of("VisibilityTimeout", 6));

    assertThat(changed.queues().get(0).attributes()).containsEntry("VisibilityTimeout", 6)
        .containsKey("RedrivePolicy");
    assertThat(changed.queues().subList(1, 4)).isEqualTo(template.queues().subList(1, 4));
    assertThat(template.queues().get(0).attributes()).containsEntry("VisibilityTimeout", 1);
    assertThatThrownBy(() -> template.withQueueProperties("NoQueue", Map.of())).hasMessageContaining("NoQueue");
  }

  @Test
  void readsEachFunctionsEventSources() {
    assertThat(Fixtures.function(template, "EchoFunction").events()).containsExactly(
        new EventSource.HttpApi("Health", "GET", "/v1/health", null),
        new EventSource.HttpApi("Item", "GET", "/v1/items/{id}", null),
        new EventSource.HttpApi("Proxy", "ANY", "/{proxy+}", null));
    assertThat(Fixtures.function(template, "BatchFunction").events()).containsExactly(
        new EventSource.Sqs("Work", Map.of("Fn::GetAtt", List.of("WorkQueue", "Arn")), 5, true, true));
    EventSource.Rule rule = (EventSource.Rule) Fixtures.function(template, "RuleFunction").events().get(0);
    assertThat(rule.bus()).isEqualTo(Map.of("Ref", "Bus"));
    assertThat(rule.pattern()).isEqualTo(Map.of("detail-type", List.of("thing.created", "thing.updated")));
    assertThat(rule.maximumRetryAttempts()).isEqualTo(2);
    assertThat(rule.maximumEventAgeInSeconds()).isEqualTo(3600);
    assertThat(rule.deadLetterArn()).isEqualTo(Map.of("Fn::GetAtt", List.of("RuleDLQ", "Arn")));
  }

  @Test
  void readsScheduleEventSourcesWithTheFunctionsAsyncRetriesAndFailureDestination() {
    assertThat(Fixtures.function(template, "ScheduledFunction").events()).containsExactly(
        new EventSource.Schedule("Tick", Map.of("Ref", "TickSchedule"), true, null, 1, 21600,
            Map.of("Fn::GetAtt", List.of("RuleDLQ", "Arn"))),
        new EventSource.Schedule("Nightly", "cron(0 3 * * ? *)", true, null, 1, 21600,
            Map.of("Fn::GetAtt", List.of("RuleDLQ", "Arn"))),
        new EventSource.Schedule("Hourly", "rate(1 hour)", true, "{\"id\": \"hourly-input\", \"job\": \"hourly\"}",
            1, 21600, Map.of("Fn::GetAtt", List.of("RuleDLQ", "Arn"))),
        new EventSource.Schedule("Paused", "rate(5 minutes)", false, null, 1, 21600,
            Map.of("Fn::GetAtt", List.of("RuleDLQ", "Arn"))));
    assertThat(new Intrinsics(template, Map.of(), Map.of()).string(Map.of("Ref", "TickSchedule")))
        .isEqualTo("rate(1 minute)");
  }

  @Test
  void refusesAGetAttWithoutAnAttribute() {
    assertThatThrownBy(() -> TemplateReader.parse("Resources:\n  A:\n    Type: X\n    Properties:\n      B: !GetAtt C\n"))
        .hasMessageContaining("Resource.Attribute");
  }
}
