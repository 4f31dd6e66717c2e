package herald.bench;

import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.customers.Customer;
import herald.domain.delivery.SendJob;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.local.LambdaFunction;
import herald.local.LocalRuntime;
import herald.platform.AwsModule;
import herald.platform.Env;
import herald.sam.EventSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What both paths of {@link SenderThroughputBench} start from, on the running local runtime: the sender's Env, the
 * brand set over the API, one customer per message (written with DynamoDbCustomers), the send queue and the webhook
 * receiver's URL; and the distributions and send jobs made from them.
 */
record ThroughputSetup(Env env, HeraldClient api, SqsClient sqs, SqsSendQueue sendQueue, List<Customer> customers,
    String hookUrl) {
  static final String SENDER = "SenderFunction";
  private static final String EVENT = "bench_send";
  private static final String SECRET = "whsec_YmVuY2gtd2ViaG9vay1zZWNyZXQtMDEyMzQ1Njc4OSE="; // Standard Webhooks

  /** The batch size of the sender's SQS event source (10 without one). */
  static int batchSize(LambdaFunction sender) {
    return sender.spec().events().stream().filter(e -> e instanceof EventSource.Sqs)
        .mapToInt(e -> ((EventSource.Sqs) e).batchSize()).findFirst().orElse(10);
  }

  /** Labels the tables for {@link SdkCallTimer}, sets the brand and writes {@code customers} customers. */
  static ThroughputSetup prepare(LocalRuntime runtime, Env env, WebhookReceiver receiver, int customers)
      throws Exception {
    SdkCallTimer.tableLabels(Map.of(env.get("MESSAGES_TABLE"), "messages", env.get("STATS_TABLE"), "stats",
        env.get("DISTRIBUTIONS_TABLE"), "distributions", env.get("CUSTOMERS_TABLE"), "customers",
        env.get("SETTINGS_TABLE"), "settings", env.get("SUPPRESSIONS_TABLE"), "suppressions"));
    HeraldClient api = new HeraldClient(runtime.apiUrl(), runtime.apiKey());
    api.putBrand();
    DynamoDbClient dynamo = AwsModule.configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
    SqsClient sqs = AwsModule.configure(SqsClient.builder(), env, "SQS").build();
    List<Customer> seeded = seedCustomers(dynamo, env, customers);
    return new ThroughputSetup(env, api, sqs, new SqsSendQueue(sqs, env.get("SEND_QUEUE_URL")), seeded,
        "http://127.0.0.1:" + receiver.port() + "/hook");
  }

  /** A fresh ACTIVE distribution with the one channel, triggered by the bench's custom event. */
  String distribution(String name, String channel) throws Exception {
    return api.activeDistribution(name, EVENT, channelJson(channel));
  }

  private String channelJson(String channel) {
    return channel.equals("email")
        ? "{\"type\":\"email\",\"subject\":\"Hi {{customer.name}}\",\"html\":\"<p>Welcome {{customer.name}}</p>\","
          + "\"text\":\"Welcome {{customer.name}}\"}"
        : "{\"type\":\"webhook\",\"url\":\"" + hookUrl + "\",\"secret\":\"" + SECRET + "\"}";
  }

  private static List<Customer> seedCustomers(DynamoDbClient dynamo, Env env, int count) throws Exception {
    DynamoDbCustomers store = new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"));
    List<Customer> customers = new ArrayList<>();
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      String source = "bench-" + i;
      customers.add(new Customer(Customer.idFor(source), source, "Customer " + i, "customer" + i + "@example.com",
          null, Map.of("plan", "gold"), now, now));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    for (Customer c : customers) writes.add(pool.submit(() -> store.save(c)));
    for (Future<?> w : writes) w.get();
    pool.shutdown();
    return customers;
  }

  /** One send job per customer: a customer.custom_event of the bench's event for that customer. */
  static List<SendJob> jobs(String distribution, String channel, List<Customer> customers) {
    Instant now = Instant.now();
    List<SendJob> jobs = new ArrayList<>();
    for (Customer c : customers) {
      TriggerEvent event = new TriggerEvent("evt_bench_" + distribution + "_" + c.sourceId(),
          EventCatalogue.CUSTOM_EVENT, now, new TriggerEvent.CustomerRef(c.id(), c.sourceId()),
          Map.of("event", EVENT, "plan", "gold"));
      jobs.add(new SendJob(distribution, channel, c.id(), event));
    }
    return jobs;
  }
}
