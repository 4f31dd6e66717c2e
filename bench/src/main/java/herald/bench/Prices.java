package herald.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * AWS's published us-east-1 on-demand prices (bench/README.md's Cost section gives the sources), and what a
 * flow's counts cost at them. SES and SNS delivery fees are worked out too but left out of the totals.
 */
final class Prices {
  static final String PRICED_ON = "2026-12-06";

  /** Lambda, arm64 (the template's Architectures), per GB-second of duration, and per request. */
  static final double LAMBDA_GB_SECOND_ARM = 0.0000133334;
  static final double LAMBDA_GB_SECOND_X86 = 0.0000166667;
  static final double LAMBDA_REQUEST = 0.20 / 1e6;
  /** DynamoDB on demand (standard table class), per read and write request unit. */
  static final double DYNAMODB_READ_UNIT = 0.125 / 1e6;
  static final double DYNAMODB_WRITE_UNIT = 0.625 / 1e6;
  /** DynamoDB provisioned, per RCU-hour and WCU-hour, used at {@link #PROVISIONED_UTILISATION} (the auto scaling target). */
  static final double DYNAMODB_RCU_HOUR = 0.00013;
  static final double DYNAMODB_WCU_HOUR = 0.00065;
  static final double PROVISIONED_UTILISATION = 0.70;
  /** SQS standard queue, per request (64 KB chunk). */
  static final double SQS_REQUEST = 0.40 / 1e6;
  /** EventBridge, per custom event put on a bus (64 KB chunk). */
  static final double EVENTBRIDGE_EVENT = 1.00 / 1e6;
  /** EventBridge Scheduler, per invocation (after 14 million free a month). */
  static final double SCHEDULER_INVOCATION = 1.00 / 1e6;
  /** Secrets Manager, per API call ($0.05 per 10,000). */
  static final double SECRETS_MANAGER_CALL = 0.05 / 10_000;
  /** API Gateway HTTP API, per request (first 300 million a month; metered in 512 KB increments). */
  static final double HTTP_API_REQUEST = 1.00 / 1e6;
  /** CloudWatch Logs, per GB ingested (standard log class). */
  static final double LOGS_GB = 0.50;
  /** What Lambda itself writes per invocation (START, END, REPORT lines): an estimate. */
  static final long LAMBDA_LOG_BYTES_PER_INVOCATION = 260;
  /** Excluded from the totals, stated beside them: SES per email, SNS SMS (US, per message, before carrier fees). */
  static final double SES_EMAIL = 0.10 / 1000;
  static final double SNS_SMS_US = 0.00581;

  private Prices() {}

  /** A flow's dollars, on demand and with the tables provisioned, by part. */
  record Cost(double onDemand, double provisioned, double readUnits, double writeUnits, Map<String, Double> parts,
      Map<String, Double> excluded) {}

  static Cost of(CostBench.Flow flow, ToIntFunction<String> memoryMb) {
    Map<String, Double> parts = new LinkedHashMap<>();
    Map<String, Double> excluded = new LinkedHashMap<>();
    double read = 0;
    double write = 0;
    long sqs = 0;
    long events = 0;
    long schedules = 0;
    long secrets = 0;
    long emails = 0;
    long sms = 0;
    for (var e : flow.calls().entrySet()) {
      String key = e.getKey();
      CallCounter.Tally t = e.getValue();
      if (key.startsWith("DynamoDb.")) {
        read += t.readUnits();
        write += t.writeUnits();
      } else if (key.startsWith("Sqs.") && !key.endsWith("(empty)")) {
        sqs += t.billed();
      } else if (key.startsWith("EventBridge.PutEvents") && !key.endsWith("(failed)")) {
        events += t.billed();
      } else if (key.startsWith("Scheduler.")) {
        schedules += t.calls();
      } else if (key.startsWith("SecretsManager.")) {
        secrets += t.calls();
      } else if (key.startsWith("SesV2.SendEmail") && !key.endsWith("(failed)")) {
        emails += t.calls();
      } else if (key.startsWith("Sns.Publish") && !key.endsWith("(failed)")) {
        sms += t.calls();
      }
    }
    double gbSeconds = 0;
    long invocations = 0;
    for (var e : flow.lambda().entrySet()) {
      invocations += e.getValue()[0];
      gbSeconds += e.getValue()[1] / 1e9 * memoryMb.applyAsInt(e.getKey()) / 1024.0;
    }
    double dynamoDb = read * DYNAMODB_READ_UNIT + write * DYNAMODB_WRITE_UNIT;
    double provisionedDynamoDb = (read * DYNAMODB_RCU_HOUR + write * DYNAMODB_WCU_HOUR) / 3600 / PROVISIONED_UTILISATION;
    parts.put("DynamoDB (on demand)", dynamoDb);
    parts.put("Lambda duration (arm64, estimate)", gbSeconds * LAMBDA_GB_SECOND_ARM);
    parts.put("Lambda requests", invocations * LAMBDA_REQUEST);
    parts.put("SQS", sqs * SQS_REQUEST);
    parts.put("EventBridge events", events * EVENTBRIDGE_EVENT);
    parts.put("Scheduler", schedules * SCHEDULER_INVOCATION);
    parts.put("Secrets Manager", secrets * SECRETS_MANAGER_CALL);
    parts.put("API Gateway HTTP API", flow.apiRequests() * HTTP_API_REQUEST);
    parts.put("CloudWatch Logs (estimate)",
        (flow.logBytes() + invocations * LAMBDA_LOG_BYTES_PER_INVOCATION) / 1e9 * LOGS_GB);
    double total = parts.values().stream().mapToDouble(Double::doubleValue).sum();
    excluded.put("SES emails", emails * SES_EMAIL);
    excluded.put("SNS SMS (US)", sms * SNS_SMS_US);
    return new Cost(total, total - dynamoDb + provisionedDynamoDb, read, write, parts, excluded);
  }

  static ObjectNode json() {
    ObjectNode p = Results.JSON.createObjectNode();
    p.put("region", "us-east-1");
    p.put("lambda_gb_second_arm64", LAMBDA_GB_SECOND_ARM);
    p.put("lambda_gb_second_x86_64", LAMBDA_GB_SECOND_X86);
    p.put("lambda_per_million_requests", 0.20);
    p.put("dynamodb_per_million_read_request_units", 0.125);
    p.put("dynamodb_per_million_write_request_units", 0.625);
    p.put("dynamodb_rcu_hour", DYNAMODB_RCU_HOUR);
    p.put("dynamodb_wcu_hour", DYNAMODB_WCU_HOUR);
    p.put("dynamodb_provisioned_utilisation", PROVISIONED_UTILISATION);
    p.put("sqs_per_million_requests", 0.40);
    p.put("eventbridge_per_million_custom_events", 1.00);
    p.put("scheduler_per_million_invocations", 1.00);
    p.put("secrets_manager_per_10000_calls", 0.05);
    p.put("http_api_per_million_requests", 1.00);
    p.put("cloudwatch_logs_per_gb_ingested", LOGS_GB);
    p.put("ses_per_1000_emails_excluded", 0.10);
    p.put("sns_sms_us_per_message_excluded", SNS_SMS_US);
    return p;
  }
}
