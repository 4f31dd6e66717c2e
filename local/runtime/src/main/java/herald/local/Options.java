package herald.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the local runtime starts. Ports of 0 pick free ones.
 *
 * @param concurrency the local default concurrency: most batches at once of an SQS event source without a
 *     ScalingConfig.MaximumConcurrency (pollers start at one and grow with the backlog), and most asynchronous
 *     invocations (EventBridge rules, schedules) at once per function; on AWS both go up to the account's limit
 * @param pollWaitSeconds long-poll wait of each ReceiveMessage (also bounds how long stopping takes)
 * @param retryBackoff the first wait before an async invocation is retried; it doubles per retry
 * @param maxInstances concurrent instances per function (each handles one invocation at a time), at least; a
 *     function gets as many as its SQS event sources' batches may run at once, plus {@code concurrency} for its
 *     HTTP routes, rules and schedules
 * @param parameterOverrides template parameter values that win over the Defaults and the local values, as
 *     {@code sam deploy --parameter-overrides} gives them
 */
public record Options(Path template, int apiPort, int sesPort, int dynamoDbPort, int sqsPort, int awsPort,
    String apiKey, int concurrency, int pollWaitSeconds, Duration retryBackoff, int maxInstances,
    boolean banner, Map<String, String> parameterOverrides) {

  public Options {
    parameterOverrides = Map.copyOf(parameterOverrides);
  }

  /** Without parameter overrides. */
  public Options(Path template, int apiPort, int sesPort, int dynamoDbPort, int sqsPort, int awsPort,
      String apiKey, int concurrency, int pollWaitSeconds, Duration retryBackoff, int maxInstances,
      boolean banner) {
    this(template, apiPort, sesPort, dynamoDbPort, sqsPort, awsPort, apiKey, concurrency, pollWaitSeconds,
        retryBackoff, maxInstances, banner, Map.of());
  }

  public static final String DEFAULT_API_KEY = "herald-local-key";

  /**
   * Batches at once of an SQS event source whose template sets no ScalingConfig.MaximumConcurrency, and
   * asynchronous invocations at once per function.
   */
  public static final int DEFAULT_CONCURRENCY = 10;

  /**
   * From the environment: HERALD_TEMPLATE (or the first argument; default template.yaml), HERALD_PORT (3000),
   * HERALD_SES_PORT (8005), HERALD_DYNAMODB_PORT (8000), HERALD_SQS_PORT (9324), HERALD_AWS_PORT (4010, the
   * EventBridge and SNS endpoints), HERALD_API_KEY (herald-local-key), HERALD_PARAMETER_OVERRIDES ("Key=Value
   * Key2=Value2", as {@code sam deploy --parameter-overrides} takes them).
   */
  public static Options fromEnv(Map<String, String> env, String... args) {
    String template = args.length > 0 ? args[0] : env.getOrDefault("HERALD_TEMPLATE", "template.yaml");
    return new Options(Path.of(template),
        port(env, "HERALD_PORT", 3000), port(env, "HERALD_SES_PORT", 8005), port(env, "HERALD_DYNAMODB_PORT", 8000),
        port(env, "HERALD_SQS_PORT", 9324), port(env, "HERALD_AWS_PORT", 4010),
        blankToDefault(env.get("HERALD_API_KEY"), DEFAULT_API_KEY), DEFAULT_CONCURRENCY, 2,
        Duration.ofMillis(500), 4, true,
        ParameterOverrides.parse(env.getOrDefault("HERALD_PARAMETER_OVERRIDES", "")));
  }

  /** Free ports everywhere, short polls and backoff, no banner. */
  public static Options forTests(Path template) {
    return new Options(template, 0, 0, 0, 0, 0, "test-api-key", DEFAULT_CONCURRENCY, 1,
        Duration.ofMillis(50), 4, false);
  }

  /**
   * {@link #forTests} for Herald's own template, with the trigger reading the active distributions for every event
   * (ActiveDistributionsCacheSeconds=0): end-to-end tests activate a distribution and fire at once. Overrides given
   * with {@link #withParameterOverrides} replace that one.
   */
  public static Options forEndToEndTests(Path template) {
    return forTests(template).withParameterOverrides(Map.of("ActiveDistributionsCacheSeconds", "0"));
  }

  /** The same options with the API on this port (the functions need it for links to the API). */
  public Options withApiPort(int port) {
    return new Options(template, port, sesPort, dynamoDbPort, sqsPort, awsPort, apiKey, concurrency, pollWaitSeconds,
        retryBackoff, maxInstances, banner, parameterOverrides);
  }

  /** The same options with this local default concurrency. */
  public Options withConcurrency(int batches) {
    return new Options(template, apiPort, sesPort, dynamoDbPort, sqsPort, awsPort, apiKey, batches, pollWaitSeconds,
        retryBackoff, maxInstances, banner, parameterOverrides);
  }

  /** The same options with these template parameter values. */
  public Options withParameterOverrides(Map<String, String> overrides) {
    return new Options(template, apiPort, sesPort, dynamoDbPort, sqsPort, awsPort, apiKey, concurrency,
        pollWaitSeconds, retryBackoff, maxInstances, banner, overrides);
  }

  private static int port(Map<String, String> env, String name, int otherwise) {
    String value = env.get(name);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
  }

  private static String blankToDefault(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }
}
