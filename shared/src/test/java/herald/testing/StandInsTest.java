package herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.platform.Env;
import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.sam.TemplateReader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What {@link StandIns#freshEnv} creates, read back from dynalite and ElasticMQ, against template.yaml. */
class StandInsTest {
  private static final Pattern SUFFIX = Pattern.compile("-[0-9a-f]{8}$");
  private static Template template;
  private static Env env;
  private static DynamoDbClient dynamo;
  private static SqsClient sqs;

  @BeforeAll
  static void provision() throws IOException {
    template = TemplateReader.read(TemplateReader.projectTemplate());
    env = StandIns.get().freshEnv();
    dynamo = StandIns.dynamo(env);
    sqs = StandIns.sqs(env);
  }

  @Test
  void everyTableOfTheTemplateExistsWithItsKeysAndIndexesUnderOneSuffix() {
    String suffix = suffixOf(env.get("MESSAGES_TABLE"));
    for (Template.Table table : template.tables()) {
      TableDescription created = dynamo.describeTable(r -> r.tableName(table.logicalId() + suffix)).table();

      assertThat(created.keySchema()).as(table.logicalId()).extracting(k -> k.attributeName() + " " + k.keyTypeAsString())
          .containsExactlyElementsOf(table.keySchema().stream().map(k -> k.name() + " " + k.keyType()).toList());
      assertThat(created.globalSecondaryIndexes()).as(table.logicalId())
          .extracting(GlobalSecondaryIndexDescription::indexName)
          .containsExactlyInAnyOrderElementsOf(table.globalIndexes().stream().map(Template.Index::name).toList());
    }
    assertThat(dynamo.describeTable(r -> r.tableName(env.get("SEGMENT_MEMBERS_TABLE"))).table()
        .globalSecondaryIndexes().getFirst().projection().nonKeyAttributes()).containsExactly("seq", "changed_at");
  }

  @Test
  void everyQueueOfTheTemplateExistsWithItsVisibilityDelayAndRedrive() {
    String suffix = suffixOf(env.get("SEND_QUEUE_URL"));
    Intrinsics intrinsics = new Intrinsics(template, Map.of(), Map.of());   // the parameters' Defaults
    for (Template.Queue queue : template.queues()) {
      String url = sqs.getQueueUrl(r -> r.queueName(queue.logicalId() + suffix)).queueUrl();
      Map<String, String> attributes = attributes(url);
      for (String name : List.of("VisibilityTimeout", "DelaySeconds")) {   // ElasticMQ does not show the retention
        if (queue.attributes().containsKey(name)) {
          assertThat(attributes).as(queue.logicalId())
              .containsEntry(name, intrinsics.string(queue.attributes().get(name)));
        }
      }
      assertThat(attributes.containsKey("RedrivePolicy")).as(queue.logicalId()).isEqualTo(queue.redrivePolicy() != null);
    }
    assertThat(attributes(env.get("SEND_QUEUE_URL")).get("RedrivePolicy"))
        .contains("SendDLQ" + suffix).contains("\"maxReceiveCount\":12");
    assertThat(attributes(env.get("SEND_DLQ_URL")).get("QueueArn")).endsWith(":SendDLQ" + suffix);
  }

  @Test
  void theEnvironmentNamesEveryTableAndQueueTheFunctionsAreGivenAndTheTestsKeys() {
    Set<String> variables = new TreeSet<>();
    template.functions().forEach(f -> f.environment().forEach((name, value) -> {
      if (name.endsWith("_TABLE") || name.endsWith("_QUEUE_URL")) variables.add(name);
    }));

    assertThat(env.vars()).containsKeys(variables.toArray(String[]::new))
        .containsKeys("SEND_DLQ_URL", "FANOUT_DLQ_URL", "JOBS_DLQ_URL", "HERALD_API_KEY", "HERALD_SIGNING_KEY",
            "HERALD_PUBLIC_URL", "HERALD_WEBHOOK_ALLOWLIST", "HERALD_RETRY_BASE_SECONDS")
        .doesNotContainKeys("EVENT_BUS_NAME", "SES_CONFIGURATION_SET");
    variables.forEach(name -> assertThat(env.get(name)).as(name).matches(".*" + SUFFIX.pattern()));
  }

  @Test
  void eachFreshEnvironmentHasItsOwnTablesAndQueues() {
    Env other = StandIns.get().freshEnv();

    assertThat(other.get("CUSTOMERS_TABLE")).isNotEqualTo(env.get("CUSTOMERS_TABLE"));
    assertThat(other.get("JOBS_QUEUE_URL")).isNotEqualTo(env.get("JOBS_QUEUE_URL"));
  }

  @Test
  void aNamedOverrideChangesOnlyWhatItNames() {
    Env quick = StandIns.get().freshEnv(QueueOverride.QUICK_SEND_REDELIVERY);

    assertThat(attributes(quick.get("SEND_QUEUE_URL"))).containsEntry("VisibilityTimeout", "6")
        .hasEntrySatisfying("RedrivePolicy", policy -> assertThat(policy).contains("\"maxReceiveCount\":12"));
    assertThat(attributes(quick.get("SEND_DLQ_URL"))).containsEntry("VisibilityTimeout", "2");
    assertThat(attributes(quick.get("FANOUT_QUEUE_URL"))).containsEntry("VisibilityTimeout", "900");
    assertThat(attributes(env.get("SEND_QUEUE_URL"))).containsEntry("VisibilityTimeout", "360");
  }

  private static Map<String, String> attributes(String url) {
    return sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
  }

  private static String suffixOf(String name) {
    var m = SUFFIX.matcher(name);
    assertThat(m.find()).as(name).isTrue();
    return m.group();
  }
}
