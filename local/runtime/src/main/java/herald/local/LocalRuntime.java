package herald.local;

import herald.sam.Intrinsics;
import herald.sam.Provisioner;
import herald.sam.Template;
import herald.sam.TemplateReader;
import herald.standins.ElasticMq;
import herald.standins.NodeStandIn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole system on one machine: starts the stand-ins, creates the template's tables and queues, builds
 * every function from its Handler and Environment, and runs their event sources (HTTP API, SQS, EventBridge rules
 * and rate schedules).
 */
public final class LocalRuntime implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final List<SqsPoller> pollers = new ArrayList<>();
  private Endpoints endpoints;
  private Map<String, String> queueUrls;
  private Map<String, LambdaFunction> functions;
  private LocalHttpApi api;
  private LocalSns sns;
  private LocalAwsServer aws;
  private LocalSchedules schedules;
  private LocalScheduler scheduler;
  private String apiKey;

  private LocalRuntime() {}

  public static void main(String[] args) throws InterruptedException {
    LocalRuntime runtime;
    try {
      runtime = start(Options.fromEnv(System.getenv(), args));
    } catch (RuntimeException e) {
      System.err.println("[herald-local] could not start: " + e.getMessage());
      if (!(e instanceof IllegalStateException || e instanceof IllegalArgumentException)) e.printStackTrace();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("[herald-local] stopping");
      runtime.close();
    }, "herald-local-shutdown"));
    new CountDownLatch(1).await();
  }

  public static LocalRuntime start(Options options) {
    LocalRuntime runtime = new LocalRuntime();
    try {
      runtime.run(options);
      return runtime;
    } catch (IOException e) {
      runtime.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      runtime.close();
      throw e;
    }
  }

  private void run(Options given) throws IOException {
    // The API's port is fixed before the functions are wired: they make links to it.
    Options options = given.apiPort() == 0 ? given.withApiPort(herald.standins.Ports.free()) : given;
    Template template = TemplateReader.read(options.template());
    apiKey = options.apiKey();
    Map<String, String> parameters =
        ParameterOverrides.apply(template, LocalParameters.of(apiKey), options.parameterOverrides());
    System.setProperty("aws.region", System.getProperty("aws.region", Intrinsics.REGION));
    var dynalite = CompletableFuture.supplyAsync(() -> NodeStandIn.dynalite(options.dynamoDbPort()));
    var ses = CompletableFuture.supplyAsync(() -> NodeStandIn.ses(options.sesPort()));
    var elasticMq = CompletableFuture.supplyAsync(() -> ElasticMq.start(options.sqsPort()));
    started.push(() -> dynalite.thenAccept(NodeStandIn::close));
    started.push(() -> ses.thenAccept(NodeStandIn::close));
    started.push(() -> elasticMq.thenAccept(ElasticMq::close));
    sns = new LocalSns();
    aws = LocalAwsServer.start(options.awsPort(), null, sns);
    started.push(aws);
    endpoints = new Endpoints(dynalite.join().endpoint(), elasticMq.join().endpoint(), ses.join().endpoint(),
        aws.endpoint());

    DynamoDbClient dynamoDb = Clients.dynamoDb(endpoints.dynamoDb());
    SqsClient sqs = Clients.sqs(endpoints.sqs());
    started.push(dynamoDb);
    started.push(sqs);
    Intrinsics intrinsics = new Intrinsics(template, parameters, Map.of());
    Provisioner.createTables(dynamoDb, template, intrinsics);
    Map<String, String> urlsById = Provisioner.createQueues(sqs, template, intrinsics);
    queueUrls = template.queues().stream()
        .collect(Collectors.toMap(intrinsics::queueName, q -> urlsById.get(q.logicalId())));
    Wiring wiring = new Wiring(template, intrinsics.withRefs(urlsById), queueUrls, options);

    scheduler = new LocalScheduler(sqs, wiring::queueUrl);
    started.push(scheduler);
    aws.scheduler(scheduler);
    functions = wiring.functions(endpoints);
    AsyncInvoker invoker = new AsyncInvoker(sqs, options.concurrency(), options.retryBackoff());
    started.push(invoker);
    aws.eventBridge(new LocalEventBridge(wiring.rules(functions), wiring.buses(), invoker));
    schedules = wiring.schedules(functions, invoker);
    started.push(schedules.start());
    for (SqsPoller poller : wiring.pollers(sqs, functions)) {
      pollers.add(poller);
      started.push(poller.start());
    }
    api = LocalHttpApi.start(options.apiPort(), functions.values().stream().toList());
    started.push(api);
    if (options.banner()) Banner.print(this, template, intrinsics);
  }

  public String apiUrl() {
    return api.url();
  }

  public String apiKey() {
    return apiKey;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** Queue name to queue URL. */
  public Map<String, String> queueUrls() {
    return queueUrls;
  }

  public Map<String, LambdaFunction> functions() {
    return functions;
  }

  /** The SQS event sources' pollers. */
  public List<SqsPoller> pollers() {
    return List.copyOf(pollers);
  }

  public LocalHttpApi api() {
    return api;
  }

  public LocalSns sns() {
    return sns;
  }

  /** The in-memory Secrets Manager the functions keep their secrets in. */
  public herald.standins.LocalSecretsManager secretsManager() {
    return aws.secretsManager();
  }

  /** The template's Schedule event sources; {@link LocalSchedules#fire} runs one now. */
  public LocalSchedules schedules() {
    return schedules;
  }

  /** The EventBridge Scheduler stand-in: the one-time schedules made, and what was asked of it. */
  public LocalScheduler scheduler() {
    return scheduler;
  }

  /** Stops every thread, server and process the runtime started, the last started first. */
  @Override
  public synchronized void close() {
    pollers.forEach(SqsPoller::stop); // all at once: each may be in a long poll
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("[herald-local] while stopping: " + e);
      }
    }
  }
}
