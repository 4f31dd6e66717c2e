package herald.local;

import herald.platform.Env;
import herald.platform.Json;
import herald.sam.EventSource;
import herald.sam.Intrinsics;
import herald.sam.Template;
import herald.sam.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Turns the template into running parts: each function with its Env, its rules and its queue pollers. */
final class Wiring {
  private final Template template;
  private final Intrinsics intrinsics;
  private final Map<String, String> queueUrls;
  private final Options options;
  private final LocalSecrets secrets;

  /** @param queueUrls queue name to URL */
  Wiring(Template template, Intrinsics intrinsics, Map<String, String> queueUrls, Options options) {
    this.template = template;
    this.intrinsics = intrinsics;
    this.queueUrls = queueUrls;
    this.options = options;
    this.secrets = LocalSecrets.of(template, intrinsics, LocalParameters.generatedSecrets());
  }

  /**
   * The template's variables, resolved (Secrets Manager dynamic references included), plus region, fake
   * credentials and the stand-ins' endpoints.
   */
  Env env(Template.Function function, Endpoints endpoints) {
    Map<String, String> vars = new LinkedHashMap<>();
    function.environment().forEach((name, value) -> {
      String resolved = secrets.resolve(intrinsics.string(value));
      if (resolved != null) vars.put(name, resolved);
    });
    if (vars.containsKey("HERALD_API_KEY")) vars.put("HERALD_API_KEY", options.apiKey());
    // Links to the API (unsubscribe) point at the local HTTP API rather than API Gateway.
    if (vars.containsKey("HERALD_PUBLIC_URL")) vars.put("HERALD_PUBLIC_URL", "http://127.0.0.1:" + options.apiPort());
    // Failed sends come back after 1 s, 2 s, 4 s... rather than 30 s, 1 min...: quicker to watch on one machine.
    if (vars.containsKey("HERALD_RETRY_BASE_SECONDS")) vars.put("HERALD_RETRY_BASE_SECONDS", "1");
    // A local account starts paid (no count limit) until PUT /v1/settings/account sets a plan.
    if (vars.containsKey("HERALD_DEFAULT_PLAN")) vars.put("HERALD_DEFAULT_PLAN", "paid");
    vars.put("AWS_REGION", Intrinsics.REGION);
    vars.put("AWS_DEFAULT_REGION", Intrinsics.REGION);
    vars.put("AWS_ACCESS_KEY_ID", "local");
    vars.put("AWS_SECRET_ACCESS_KEY", "local");
    vars.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
    vars.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memorySize()));
    vars.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    vars.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb());
    vars.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs());
    vars.put("AWS_ENDPOINT_URL_SESV2", endpoints.ses());
    vars.put("AWS_ENDPOINT_URL_SNS", endpoints.aws());
    vars.put("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoints.aws());
    vars.put("AWS_ENDPOINT_URL_SCHEDULER", endpoints.aws());
    vars.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.aws());
    return Env.of(vars);
  }

  Map<String, LambdaFunction> functions(Endpoints endpoints) {
    Map<String, LambdaFunction> functions = new LinkedHashMap<>();
    for (Template.Function function : template.functions()) {
      functions.put(function.logicalId(),
          LambdaFunction.load(function, env(function, endpoints), maxInstances(function)));
    }
    return functions;
  }

  /** The bus names PutEvents accepts: the template's buses and "default". */
  Set<String> buses() {
    Set<String> names = new LinkedHashSet<>();
    names.add("default");
    template.buses().forEach(bus -> names.add(intrinsics.busName(bus)));
    return names;
  }

  /** Each EventBridgeRule event source as a target, with its pattern as JSON. */
  Map<LocalEventBridge.Target, String> rules(Map<String, LambdaFunction> functions) {
    Map<LocalEventBridge.Target, String> rules = new LinkedHashMap<>();
    for (LambdaFunction function : functions.values()) {
      for (EventSource source : function.spec().events()) {
        if (!(source instanceof EventSource.Rule rule)) continue;
        String bus = rule.bus() == null ? "default" : LocalEventBridge.busName(intrinsics.string(rule.bus()));
        String deadLetter = rule.deadLetterArn() == null ? null : queueUrl(intrinsics.string(rule.deadLetterArn()));
        LocalEventBridge.Target target = new LocalEventBridge.Target(function.name() + "-" + rule.name(),
            function, bus, rule.maximumRetryAttempts(), rule.maximumEventAgeInSeconds(), deadLetter);
        rules.put(target, Json.write(intrinsics.resolve(rule.pattern())));
      }
    }
    return rules;
  }

  /** Each enabled Schedule event source, its expression resolved (a template parameter, usually). */
  LocalSchedules schedules(Map<String, LambdaFunction> functions, AsyncInvoker invoker) {
    List<LocalSchedules.Scheduled> schedules = new ArrayList<>();
    for (LambdaFunction function : functions.values()) {
      for (EventSource source : function.spec().events()) {
        if (!(source instanceof EventSource.Schedule schedule)) continue;
        String expression = intrinsics.string(schedule.expression());
        if (!schedule.enabled()) {
          System.err.println("[herald-local] " + function.name() + "." + schedule.name() + ": " + expression
              + " is disabled");
          continue;
        }
        String deadLetter = schedule.deadLetterArn() == null ? null
            : queueUrl(intrinsics.string(schedule.deadLetterArn()));
        LocalEventBridge.Target target = new LocalEventBridge.Target(function.name() + "-" + schedule.name(),
            function, "default", schedule.maximumRetryAttempts(), schedule.maximumEventAgeInSeconds(), deadLetter);
        String input = schedule.input() == null ? null : intrinsics.string(schedule.input());
        schedules.add(new LocalSchedules.Scheduled(schedule.name(), target, expression,
            ScheduleExpression.period(expression), input));
      }
    }
    return new LocalSchedules(schedules, invoker);
  }

  List<SqsPoller> pollers(SqsClient sqs, Map<String, LambdaFunction> functions) {
    List<SqsPoller> pollers = new ArrayList<>();
    for (LambdaFunction function : functions.values()) {
      for (EventSource.Sqs queue : queues(function.spec())) {
        String arn = intrinsics.string(queue.queue());
        Object windowSeconds = intrinsics.resolve(queue.maximumBatchingWindowInSeconds());
        Duration window = Duration.ofSeconds(Values.integer(windowSeconds, 0));
        pollers.add(new SqsPoller(sqs, function, queue, queueUrl(arn), arn, concurrency(queue), window,
            options.pollWaitSeconds()));
      }
    }
    return pollers;
  }

  /**
   * How many batches of this event source the function may handle at once: its ScalingConfig.MaximumConcurrency
   * (a parameter's value when it is a !Ref), else the local default ({@link Options#concurrency}).
   */
  int concurrency(EventSource.Sqs queue) {
    Object maximum = intrinsics.resolve(queue.maximumConcurrency());
    return maximum == null ? options.concurrency() : Values.integer(maximum, options.concurrency());
  }

  /**
   * Instances a function may run at once: enough for all its SQS event sources' batches and, with HTTP routes,
   * rules or schedules, the local default concurrency more; at least the option's.
   */
  private int maxInstances(Template.Function function) {
    boolean other = function.events().stream().anyMatch(e -> !(e instanceof EventSource.Sqs));
    int batches = queues(function).stream().mapToInt(this::concurrency).sum();
    return Math.max(options.maxInstances(), batches + (other ? options.concurrency() : 0));
  }

  private static List<EventSource.Sqs> queues(Template.Function function) {
    return function.events().stream().filter(e -> e instanceof EventSource.Sqs q && q.enabled())
        .map(EventSource.Sqs.class::cast).toList();
  }

  /** The URL of the queue with this ARN (arn:aws:sqs:region:account:name). */
  String queueUrl(String arn) {
    String name = arn.substring(arn.lastIndexOf(':') + 1);
    String url = queueUrls.get(name);
    if (url == null) throw new IllegalStateException("no queue " + name + " (from " + arn + ") in the template");
    return url;
  }
}
