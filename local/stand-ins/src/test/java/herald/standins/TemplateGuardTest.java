package herald.standins;

import static org.assertj.core.api.Assertions.assertThat;

import herald.sam.TemplateReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that local/template.guard passes Herald's template.yaml and bites: each fixture in
 * src/test/resources/guard/ is the compliant baseline with one defect, and must fail exactly the
 * rule that forbids that defect, with a message saying what is wrong.
 */
class TemplateGuardTest {

  private static final Path CFN_GUARD =
      NodeModules.dir().resolve("@cdklabs/cdk-validator-cfnguard/bin/ubuntu/x86_64/cfn-guard");
  private static final Path PROJECT = TemplateReader.projectTemplate().getParent();
  private static final Path RULES = PROJECT.resolve("local/template.guard");

  /** A line of the summary such as {@code template.guard/function_snapstart   FAIL}. */
  private static final Pattern FAILED_RULE = Pattern.compile("(?m)^\\S+/(\\w+)\\s+FAIL\\s*$");
  /** A named rule of the rules file; parameterized helpers ({@code rule x(args)}) are left out. */
  private static final Pattern RULE_DECLARATION = Pattern.compile("(?m)^rule\\s+(\\w+)\\s+(?:when\\b|\\{)");

  @Test
  void heraldTemplatePassesEveryRule() {
    GuardRun run = validate(PROJECT.resolve("template.yaml"));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.failedRules()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"compliant.yaml", "compliant-billing-mode-parameter.yaml"})
  void compliantFixturesPassEveryRule(String compliant) {
    GuardRun run = validate(fixture(compliant));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.failedRules()).isEmpty();
  }

  @ParameterizedTest(name = "{0} fails {1}")
  @CsvSource(delimiter = '|', textBlock = """
      function-without-snapstart.yaml                   | function_snapstart                            | SnapStart: {ApplyOn: PublishedVersions}
      function-snapstart-off.yaml                       | function_snapstart                            | SnapStart: {ApplyOn: PublishedVersions}
      function-without-auto-publish-alias.yaml          | function_auto_publish_alias                   | needs AutoPublishAlias
      function-without-tracing.yaml                     | function_tracing_active                       | needs Tracing: Active
      function-tracing-passthrough.yaml                 | function_tracing_active                       | needs Tracing: Active
      queue-without-dlq.yaml                            | sqs_queue_has_dead_letter_queue               | needs RedrivePolicy.deadLetterTargetArn
      queue-redrive-without-max-receive-count.yaml      | sqs_queue_has_dead_letter_queue               | needs RedrivePolicy.maxReceiveCount
      queue-unencrypted.yaml                            | sqs_queue_encrypted                           | needs SqsManagedSseEnabled: true
      sqs-event-without-report-batch-item-failures.yaml | sqs_event_source_reports_batch_item_failures  | ReportBatchItemFailures
      sqs-event-with-empty-function-response-types.yaml | sqs_event_source_reports_batch_item_failures  | ReportBatchItemFailures
      sqs-event-without-batch-size.yaml                 | sqs_event_source_batch_size                   | needs an explicit BatchSize
      table-without-sse.yaml                            | dynamodb_table_encrypted                      | needs SSESpecification: {SSEEnabled: true}
      table-sse-disabled.yaml                           | dynamodb_table_encrypted                      | needs SSESpecification: {SSEEnabled: true}
      table-provisioned.yaml                            | dynamodb_table_on_demand_or_auto_scaled       | needs BillingMode: PAY_PER_REQUEST, or !Ref to a parameter
      table-billing-mode-parameter-without-auto-scaling.yaml | dynamodb_table_on_demand_or_auto_scaled  |
      table-scaling-target-without-policy.yaml          | dynamodb_table_on_demand_or_auto_scaled       | provided value ["ThingsTableWriteScaling"] did not match
      table-without-point-in-time-recovery.yaml         | dynamodb_table_point_in_time_recovery         | PointInTimeRecoveryEnabled: true
      policy-resource-wildcard.yaml                     | policy_resource_not_wildcard                  | has Resource "*"
      policy-resource-list-with-wildcard.yaml           | policy_resource_not_wildcard                  | has Resource "*"
      policy-document-resource-wildcard.yaml            | policy_resource_not_wildcard                  | has Resource "*"
      role-policy-resource-wildcard.yaml                | policy_resource_not_wildcard                  | has Resource "*"
      iam-policy-resource-wildcard.yaml                 | policy_resource_not_wildcard                  | has Resource "*"
      policy-wildcard-beside-publish.yaml               | policy_resource_not_wildcard                  | has Resource "*"
      policy-wildcard-beside-get-account.yaml           | policy_resource_not_wildcard                  | has Resource "*"
      policy-not-resource.yaml                          | policy_without_not_resource                   | uses NotResource
      role-policy-not-resource.yaml                     | policy_without_not_resource                   | uses NotResource
      sms-publish-without-deny.yaml                     | sms_publish_only_to_phone_numbers             | needs a Deny of sns:Publish
      sms-publish-deny-too-narrow.yaml                  | sms_publish_only_to_phone_numbers             | needs a Deny of sns:Publish
      queue-policy-rule-pattern.yaml                    | queue_policy_names_its_rules                  | must not match its source with ArnLike
      function-crud-on-table-it-does-not-write.yaml     | dynamodb_crud_only_on_tables_written          | missing from the function's Metadata.WritesTables
      function-crud-without-writes-tables.yaml          | dynamodb_crud_only_on_tables_written          | needs Metadata.WritesTables
      secrets-in-another-function.yaml                  | secrets_manager_only_for_api_and_sender       | Only ApiFunction and SenderFunction may use Secrets Manager
      secrets-list-in-another-function.yaml             | secrets_manager_only_for_api_and_sender       | remove the secretsmanager action
      secrets-template-in-another-function.yaml         | secrets_manager_only_for_api_and_sender       | remove the AWSSecretsManager policy template
      dlq-without-depth-alarm.yaml                      | sqs_dead_letter_queue_has_depth_alarm         | needs an AWS::CloudWatch::Alarm on its depth
      function-without-errors-alarm.yaml                | function_has_errors_alarm                     | provided value ["IdleFunction"] did not match
      """)
  void templateWithOneDefectFailsExactlyTheRuleItBreaks(String fixture, String rule, String message) {
    GuardRun run = validate(fixture(fixture));

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.failedRules()).as(run.output()).containsExactly(rule);
    // no message: a check over a set that is empty (no scalable target at all) names no resource, so cfn-guard
    // prints the failed rule only
    if (message == null) return;
    // a rule over resources' keys (Resources[ id | ... ]) reports "not compliant with [rule]", naming the key, rather
    // than per resource with the rule's message
    assertThat(run.output()).containsAnyOf("Rule = " + rule, "compliant with [" + rule + "]").contains(message);
  }

  @Test
  void everyRuleOfTheRulesFileHasAFixtureThatBreaksIt() throws IOException {
    Set<String> declared = new TreeSet<>();
    Matcher m = RULE_DECLARATION.matcher(Files.readString(RULES));
    while (m.find()) declared.add(m.group(1));

    Set<String> bitten = new TreeSet<>();
    try (var fixtures = Files.list(fixture("compliant.yaml").getParent())) {
      for (Path f : fixtures.filter(p -> !p.getFileName().toString().startsWith("compliant")).toList()) {
        bitten.addAll(validate(f).failedRules());
      }
    }

    assertThat(declared).isNotEmpty();
    assertThat(bitten).isEqualTo(declared);
  }

  // ------------------------------------------------------------------ helpers

  private record GuardRun(int exitCode, String output) {
    List<String> failedRules() {
      return FAILED_RULE.matcher(output).results().map(r -> r.group(1)).toList();
    }
  }

  private static GuardRun validate(Path data) {
    assertThat(CFN_GUARD).as("cfn-guard binary (npm ci in local/ installs it)").isExecutable();
    ProcessBuilder pb = new ProcessBuilder(
            CFN_GUARD.toString(), "validate",
            "--data", data.toString(),
            "--rules", RULES.toString(),
            "--show-summary", "fail")
        .redirectErrorStream(true);
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("cfn-guard did not finish within 60 s on " + data);
      }
      return new GuardRun(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + CFN_GUARD, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running cfn-guard", e);
    }
  }

  private static Path fixture(String name) {
    URL url = TemplateGuardTest.class.getResource("/guard/" + name);
    assertThat(url).as("test resource guard/" + name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
