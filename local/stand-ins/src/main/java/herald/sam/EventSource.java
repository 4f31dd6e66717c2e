package herald.sam;

/** A function's event source, as the template's Events section declares it. Raw values may hold intrinsics. */
public sealed interface EventSource {
  String name();

  /** An HttpApi route: method ("ANY", "GET", ...) and path ("/v1/health", "/{proxy+}", "$default"). */
  record HttpApi(String name, String method, String path, Object apiId) implements EventSource {
    public String routeKey() {
      return "$default".equals(path) ? "$default" : method + " " + path;
    }
  }

  /**
   * An SQS event source mapping on the queue whose ARN {@code queue} resolves to, with its
   * {@code ScalingConfig.MaximumConcurrency} (raw, may be a {@code !Ref}; null: not set) and its
   * {@code MaximumBatchingWindowInSeconds} (raw; null: none).
   */
  record Sqs(String name, Object queue, int batchSize, boolean reportBatchItemFailures, boolean enabled,
      Object maximumConcurrency, Object maximumBatchingWindowInSeconds) implements EventSource {
    /** Without a ScalingConfig or a batching window. */
    public Sqs(String name, Object queue, int batchSize, boolean reportBatchItemFailures, boolean enabled) {
      this(name, queue, batchSize, reportBatchItemFailures, enabled, null, null);
    }
  }

  /**
   * An EventBridgeRule: the rule's pattern on a bus (null: the default bus), the target's RetryPolicy and the
   * ARN of its DeadLetterConfig queue (null: none).
   */
  record Rule(String name, Object bus, Object pattern, int maximumRetryAttempts, int maximumEventAgeInSeconds,
      Object deadLetterArn) implements EventSource {}

  /**
   * A Schedule: an EventBridge schedule expression ({@code rate(1 day)}, {@code cron(...)}; raw, may be a
   * {@code !Ref}), whether it is enabled, the constant Input sent instead of the Scheduled Event (null: none), and,
   * as for a rule, the retries of the asynchronous invocation and the ARN of the dead-letter queue (null: none).
   */
  record Schedule(String name, Object expression, boolean enabled, Object input, int maximumRetryAttempts,
      int maximumEventAgeInSeconds, Object deadLetterArn) implements EventSource {}
}
