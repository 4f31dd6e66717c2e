package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import herald.sam.EventSource;
import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.sam.TemplateReader;
import herald.sam.Values;
import herald.testing.CatalogueCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project's own template.yaml, read the way the local runtime reads it. */
class RealTemplateTest {
  private static final Path FILE = Path.of(System.getProperty("basedir", ".")).resolve("../../template.yaml")
      .normalize();
  private Template template;

  @BeforeEach
  void read() throws Exception {
    assumeTrue(Files.exists(FILE), "no template.yaml at " + FILE);
    template = TemplateReader.read(FILE);
  }

  private Template.Queue queue(String id) {
    return template.queues().stream().filter(q -> q.logicalId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void hasTheContractsTables() {
    assertThat(template.tables()).extracting(Template.Table::logicalId).containsExactlyInAnyOrder(
        "DistributionsTable", "CustomersTable", "MessagesTable", "SettingsTable", "EventKeysTable", "ApiKeysTable",
        "ActivityTable", "SuppressionsTable", "StatsTable", "SegmentsTable", "SegmentMembersTable",
        "AsyncActionsTable", "RejectedEventsTable", "CampaignsTable", "CodesTable", "PublicationsTable", "UsageTable",
        "IntegrationsTable", "DeadLettersTable");
    Template.Table distributions = template.tables().stream()
        .filter(t -> t.logicalId().equals("DistributionsTable")).findFirst().orElseThrow();
    assertThat(distributions.globalIndexes()).extracting(Template.Index::name).containsExactly("ActiveByTrigger", "ByStatus",
        "All");
    Template.Table customers = template.tables().stream()
        .filter(t -> t.logicalId().equals("CustomersTable")).findFirst().orElseThrow();
    assertThat(customers.globalIndexes()).singleElement().satisfies(pending -> {
      assertThat(pending.name()).isEqualTo("Pending");
      assertThat(pending.keySchema()).extracting(Template.Key::name).containsExactly("pending_shard", "pending_at");
    });
  }

  /**
   * TableBillingMode PROVISIONED: every table and every global secondary index has capacity (only then) and a
   * scalable target for reads and one for writes, each with its target-tracking policy, all under ProvisionedTables.
   */
  @Test
  void autoScalesEveryTableAndIndexWhenTheTablesAreProvisioned() throws Exception {
    Map<String, Object> resources = Values.map(TemplateReader.load(Files.readString(FILE)).get("Resources"));
    Map<String, Object> throughput = Map.of("Fn::If", List.of("ProvisionedTables",
        Map.of("ReadCapacityUnits", Map.of("Ref", "TableReadCapacityMin"),
            "WriteCapacityUnits", Map.of("Ref", "TableWriteCapacityMin")), Map.of("Ref", "AWS::NoValue")));
    Set<String> expected = new TreeSet<>();
    for (Template.Table table : template.tables()) {
      Map<String, Object> props = Values.map(Values.map(resources.get(table.logicalId())).get("Properties"));
      assertThat(props.get("BillingMode")).as(table.logicalId()).isEqualTo(Map.of("Ref", "TableBillingMode"));
      assertThat(props.get("ProvisionedThroughput")).as(table.logicalId()).isEqualTo(throughput);
      for (Object index : Values.list(props.get("GlobalSecondaryIndexes"))) {
        assertThat(Values.map(index).get("ProvisionedThroughput")).as(table.logicalId() + " " + index)
            .isEqualTo(throughput);
      }
      for (String rw : List.of("Read", "Write")) {
        expected.add(table.logicalId() + " table/${" + table.logicalId() + "} dynamodb:table:" + rw + "CapacityUnits");
        for (Template.Index index : table.globalIndexes()) {
          expected.add(table.logicalId() + index.name() + " table/${" + table.logicalId() + "}/index/" + index.name()
              + " dynamodb:index:" + rw + "CapacityUnits");
        }
      }
    }

    Set<String> scaled = new TreeSet<>();
    resources.forEach((id, value) -> {
      Map<String, Object> resource = Values.map(value);
      if (!"AWS::ApplicationAutoScaling::ScalableTarget".equals(resource.get("Type"))) return;
      Map<String, Object> props = Values.map(resource.get("Properties"));
      String dimension = props.get("ScalableDimension").toString();
      String rw = dimension.endsWith("ReadCapacityUnits") ? "Read" : "Write";
      assertThat(id).endsWith(rw + "Scaling");
      assertThat(resource.get("Condition")).as(id).isEqualTo("ProvisionedTables");
      assertThat(props).as(id).containsEntry("ServiceNamespace", "dynamodb")
          .containsEntry("MinCapacity", Map.of("Ref", "Table" + rw + "CapacityMin"))
          .containsEntry("MaxCapacity", Map.of("Ref", "Table" + rw + "CapacityMax"));
      assertThat(Values.map(props.get("RoleARN")).get("Fn::Sub").toString())
          .endsWith(":role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/"
              + "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
      Map<String, Object> policy = Values.map(resources.get(id + "Policy"));
      assertThat(policy.get("Type")).as(id + "Policy").isEqualTo("AWS::ApplicationAutoScaling::ScalingPolicy");
      assertThat(policy.get("Condition")).as(id + "Policy").isEqualTo("ProvisionedTables");
      Map<String, Object> policyProps = Values.map(policy.get("Properties"));
      assertThat(policyProps).containsEntry("PolicyType", "TargetTrackingScaling")
          .containsEntry("ScalingTargetId", Map.of("Ref", id));
      assertThat(policyProps.get("TargetTrackingScalingPolicyConfiguration")).isEqualTo(Map.of(
          "TargetValue", Map.of("Ref", "TableTargetUtilization"),
          "PredefinedMetricSpecification", Map.of("PredefinedMetricType", "DynamoDB" + rw + "CapacityUtilization")));
      scaled.add(id.substring(0, id.length() - (rw + "Scaling").length()) + " "
          + Values.map(props.get("ResourceId")).get("Fn::Sub") + " " + dimension);
    });

    assertThat(scaled).isEqualTo(expected).hasSize(2 * (19 + 13));
  }

  @Test
  void hasTheContractsQueuesWithTheManualDelayAndRedrives() {
    assertThat(template.queues()).extracting(Template.Queue::logicalId).containsExactlyInAnyOrder("SendQueue",
        "SendDLQ", "FanoutQueue", "FanoutDLQ", "ManualQueue", "ManualDLQ", "TriggerDLQ", "FeedbackDLQ",
        "JobsQueue", "JobsDLQ", "CustomerChangesQueue", "CustomerChangesDLQ", "SegmentScansQueue", "SegmentScansDLQ");
    assertThat(queue("ManualQueue").attributes()).containsEntry("DelaySeconds", Map.of("Ref", "ManualGraceSeconds"));
    Intrinsics intrinsics = new Intrinsics(template, Map.of("ApiKey", "k"), Map.of());
    assertThat(intrinsics.string(queue("ManualQueue").attributes().get("DelaySeconds"))).as("the grace period's default")
        .isEqualTo("600");
    assertThat(new Intrinsics(template, Map.of("ManualGraceSeconds", "5"), Map.of())
        .string(queue("ManualQueue").attributes().get("DelaySeconds"))).isEqualTo("5");
    for (String[] pair : new String[][] {{"SendQueue", "SendDLQ", "12"}, {"FanoutQueue", "FanoutDLQ", "5"},
        {"ManualQueue", "ManualDLQ", "5"}, {"JobsQueue", "JobsDLQ", "5"},
        {"CustomerChangesQueue", "CustomerChangesDLQ", "5"}, {"SegmentScansQueue", "SegmentScansDLQ", "5"}}) {
      Map<String, Object> policy = Values.map(intrinsics.resolve(queue(pair[0]).redrivePolicy()));
      assertThat(policy).containsEntry("deadLetterTargetArn", Intrinsics.queueArn(pair[1]))
          .containsEntry("maxReceiveCount", Integer.parseInt(pair[2]));
    }
  }

  @Test
  void hasTheFunctionsWithTheirHandlersAndEventSources() {
    assertThat(template.functions()).extracting(Template.Function::logicalId, Template.Function::handler)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ApiFunction", "herald.api.ApiHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("TriggerFunction", "herald.trigger.TriggerHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("SenderFunction", "herald.sender.SenderHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("DeadLetterFunction",
                "herald.deadletter.DeadLetterHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("FeedbackFunction", "herald.feedback.FeedbackHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("SegmentsFunction", "herald.segments.SegmentsHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("FanoutFunction", "herald.fanout.FanoutHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("JobsFunction", "herald.jobs.JobsHandler::handleRequest"),
            org.assertj.core.groups.Tuple.tuple("ManualFunction", "herald.fanout.ManualHandler::handleRequest"));
    Map<String, Template.Function> byId = new HashMap<>();
    template.functions().forEach(f -> byId.put(f.logicalId(), f));
    assertThat(byId.get("ApiFunction").events()).extracting(e -> ((EventSource.HttpApi) e).routeKey())
        .containsExactlyInAnyOrder("GET /v1/health", "GET /", "ANY /{proxy+}");
    // every catalogue type (manual is never on the bus) for the trigger function; for the segments function every
    // type but the segment events, which would only feed back
    CatalogueCheck.templateRules(template);
    EventSource.Rule rule = (EventSource.Rule) byId.get("TriggerFunction").events().get(0);
    assertThat(rule.deadLetterArn()).isEqualTo(Map.of("Fn::GetAtt", List.of("TriggerDLQ", "Arn")));
    assertThat(byId.get("SenderFunction").events()).singleElement().isInstanceOfSatisfying(EventSource.Sqs.class,
        sqs -> assertThat(sqs.batchSize()).isEqualTo(10));
    // every dead-letter queue of the stack, none of the work queues
    assertThat(byId.get("DeadLetterFunction").events()).extracting(e -> ((EventSource.Sqs) e).queue())
        .containsExactlyInAnyOrderElementsOf(List.of("SendDLQ", "FanoutDLQ", "JobsDLQ", "CustomerChangesDLQ",
            "SegmentScansDLQ", "ManualDLQ", "TriggerDLQ", "FeedbackDLQ").stream()
            .map(q -> (Object) Map.of("Fn::GetAtt", List.of(q, "Arn"))).toList());
    assertThat(byId.get("ManualFunction").events()).singleElement().isInstanceOfSatisfying(EventSource.Sqs.class,
        sqs -> assertThat(sqs.queue()).isEqualTo(Map.of("Fn::GetAtt", List.of("ManualQueue", "Arn"))));
    EventSource.Rule ses = (EventSource.Rule) byId.get("FeedbackFunction").events().get(0);
    assertThat(ses.bus()).isNull();
    // the segments function hears the catalogue's events (above), the schedule that refreshes the segments whose
    // rules depend on now, the announced customer changes and the segment scan parts, and the schedule that sweeps
    // the changes never announced
    assertThat(byId.get("SegmentsFunction").events()).hasSize(5);
    EventSource.Schedule refresh = (EventSource.Schedule) byId.get("SegmentsFunction").events().get(1);
    assertThat(refresh.enabled()).isTrue();
    assertThat(new Intrinsics(template, Map.of("ApiKey", "k"), Map.of()).string(refresh.expression()))
        .isEqualTo("rate(1 day)");
    assertThat(refresh.deadLetterArn()).isEqualTo(Map.of("Fn::GetAtt", List.of("TriggerDLQ", "Arn")));
    assertThat(byId.get("FanoutFunction").events()).singleElement().isInstanceOfSatisfying(EventSource.Sqs.class,
        sqs -> assertThat(sqs.batchSize()).isEqualTo(1));
    // the jobs function: its queue, and the schedule of the stats recount, a jobs-queue batch of one job
    assertThat(byId.get("JobsFunction").events()).hasSize(2);
    assertThat(byId.get("JobsFunction").events().get(0)).isInstanceOfSatisfying(EventSource.Sqs.class,
        sqs -> assertThat(sqs.batchSize()).isEqualTo(1));
    assertThat(byId.get("JobsFunction").events().get(1)).isInstanceOfSatisfying(EventSource.Schedule.class,
        recount -> assertThat(herald.platform.Json.parse(String.valueOf(recount.input())))
            .isEqualTo(herald.platform.Json.parse(herald.testing.EventFiles.read("jobs-stats-recount.json"))));
    List<EventSource> segments = byId.get("SegmentsFunction").events();
    assertThat(segments.get(2)).isInstanceOfSatisfying(EventSource.Sqs.class, changes -> {
      assertThat(changes.queue()).isEqualTo(Map.of("Fn::GetAtt", List.of("CustomerChangesQueue", "Arn")));
      assertThat(changes.batchSize()).isEqualTo(10);
      assertThat(changes.reportBatchItemFailures()).isTrue();
    });
    assertThat(segments.get(3)).isInstanceOfSatisfying(EventSource.Sqs.class, scans -> {
      assertThat(scans.queue()).isEqualTo(Map.of("Fn::GetAtt", List.of("SegmentScansQueue", "Arn")));
      assertThat(scans.batchSize()).isEqualTo(1);
    });
    assertThat(segments.get(4)).isInstanceOfSatisfying(EventSource.Schedule.class, sweep -> {
      assertThat(sweep.expression()).isEqualTo("rate(5 minutes)");
      assertThat(sweep.input()).isEqualTo("{\"sweep\": \"customer-changes\"}");
    });
    assertThat(byId.get("SegmentsFunction").timeout()).isEqualTo(300);
    assertThat(Values.map(ses.pattern()).get("source")).isEqualTo(List.of("aws.ses"));
  }

  @Test
  void resolvesEveryFunctionsEnvironmentLocally() {
    Map<String, String> queueUrls = new HashMap<>();
    template.queues().forEach(q -> queueUrls.put(q.logicalId(), "http://127.0.0.1:9324/000000000000/" + q.logicalId()));
    Intrinsics intrinsics = new Intrinsics(template, Map.of("ApiKey", "herald-local-key"), queueUrls);
    Map<String, Map<String, String>> envs = new HashMap<>();
    for (Template.Function f : template.functions()) {
      Map<String, String> env = new HashMap<>();
      f.environment().forEach((k, v) -> env.put(k, intrinsics.string(v)));
      envs.put(f.logicalId(), env);
    }
    assertThat(envs.get("ApiFunction")).containsEntry("DISTRIBUTIONS_TABLE", "DistributionsTable")
        .containsEntry("EVENT_KEYS_TABLE", "EventKeysTable").containsEntry("EVENT_BUS_NAME", "herald-local")
        .containsEntry("HERALD_API_KEY", "{{resolve:secretsmanager:" + Intrinsics.secretArn("ApiKeySecret")
            + ":SecretString}}");
    assertThat(envs.get("TriggerFunction")).containsEntry("SEND_QUEUE_URL", queueUrls.get("SendQueue"));
    assertThat(envs.get("SenderFunction")).containsEntry("SES_CONFIGURATION_SET", "EmailConfigurationSet")
        .containsEntry("MESSAGES_TABLE", "MessagesTable");
    assertThat(envs.get("DeadLetterFunction")).containsEntry("MESSAGES_TABLE", "MessagesTable")
        .containsEntry("USAGE_TABLE", "UsageTable");
    for (String function : List.of("ApiFunction", "SenderFunction")) {
      assertThat(envs.get(function)).as(function).containsEntry("USAGE_TABLE", "UsageTable")
          .containsEntry("HERALD_DEFAULT_PLAN", "trial");
    }
    assertThat(envs.get("SegmentsFunction")).containsEntry("ASYNC_ACTIONS_TABLE", "AsyncActionsTable")
        .containsEntry("SEGMENT_SCANS_QUEUE_URL", queueUrls.get("SegmentScansQueue"))
        .doesNotContainKeys("JOBS_QUEUE_URL", "CUSTOMER_CHANGES_QUEUE_URL");
    assertThat(envs.get("ApiFunction"))
        .containsEntry("CUSTOMER_CHANGES_QUEUE_URL", queueUrls.get("CustomerChangesQueue"))
        .containsEntry("SEGMENT_SCANS_QUEUE_URL", queueUrls.get("SegmentScansQueue"));
    assertThat(envs.get("JobsFunction")).containsEntry("CUSTOMER_CHANGES_QUEUE_URL",
        queueUrls.get("CustomerChangesQueue")).doesNotContainKey("EVENT_BUS_NAME");
  }

  @Test
  void givesTheSecretsManagerReferencesTheirLocalValues() {
    Intrinsics intrinsics = new Intrinsics(template, LocalParameters.of("herald-local-key"), Map.of());
    LocalSecrets secrets = LocalSecrets.of(template, intrinsics, LocalParameters.generatedSecrets());
    Map<String, Template.Function> byId = new HashMap<>();
    template.functions().forEach(f -> byId.put(f.logicalId(), f));

    assertThat(secrets.resolve(intrinsics.string(byId.get("ApiFunction").environment().get("HERALD_API_KEY"))))
        .isEqualTo("herald-local-key");
    for (String function : List.of("ApiFunction", "SenderFunction")) {
      assertThat(secrets.resolve(intrinsics.string(byId.get(function).environment().get("HERALD_SIGNING_KEY"))))
          .as(function).isEqualTo(LocalParameters.generatedSecrets().get("SigningKeySecret")).hasSizeGreaterThan(32);
    }
    assertThat(template.functions()).allSatisfy(f -> assertThat(f.environment().values())
        .noneMatch(v -> v instanceof Map<?, ?> m && m.equals(Map.of("Ref", "ApiKey"))));
  }

  @Test
  void refusesAReferenceToASecretTheTemplateDoesNotHave() {
    Intrinsics intrinsics = new Intrinsics(template, LocalParameters.of("k"), Map.of());
    LocalSecrets secrets = LocalSecrets.of(template, intrinsics, Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> secrets.resolve("{{resolve:secretsmanager:"
        + Intrinsics.secretArn("NoSuchSecret") + ":SecretString}}")).hasMessageContaining("NoSuchSecret");
  }

  @Test
  void runsTheQueuesBatchesAsManyAtOnceAsTheirScalingConfigAllowsAndTheOthersAtTheLocalDefault() {
    Wiring wiring = new Wiring(template, new Intrinsics(template, LocalParameters.of("k"), Map.of()), Map.of(),
        Options.forTests(FILE));
    Map<String, Integer> concurrency = new HashMap<>();
    for (Template.Function function : template.functions()) {
      for (EventSource source : function.events()) {
        if (source instanceof EventSource.Sqs sqs) concurrency.put(sqs.name(), wiring.concurrency(sqs));
      }
    }
    assertThat(concurrency).containsEntry("SendQueue", 50).containsEntry("FanoutQueue", 50)
        .containsEntry("JobsQueue", Options.DEFAULT_CONCURRENCY);
  }
}
