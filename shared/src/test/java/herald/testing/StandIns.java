package herald.testing;

import herald.platform.AwsModule;
import herald.platform.Env;
import herald.standins.ElasticMq;
import herald.standins.LocalSecretsManager;
import herald.standins.NodeStandIn;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The real local stand-ins (dynalite, ElasticMQ, aws-ses-v2-local, the in-memory Secrets Manager), started once per
 * test JVM.
 * {@link #freshEnv} creates template.yaml's tables and queues anew with a unique suffix, so test classes never
 * see each other's data, and returns the environment a function would get.
 */
public final class StandIns {
  private static StandIns instance;
  public final NodeStandIn dynalite;
  public final NodeStandIn ses;
  public final ElasticMq sqs;
  public final LocalSecretsManager secretsManager = new LocalSecretsManager();
  private final String secretsManagerEndpoint;
  private final DynamoDbClient dynamoClient;
  private final SqsClient sqsClient;

  private StandIns() {
    dynalite = NodeStandIn.dynalite(0);
    ses = NodeStandIn.ses(0);
    sqs = ElasticMq.start(0);
    Runtime.getRuntime().addShutdownHook(new Thread(sqs::close));
    try {
      var server = secretsManager.serve();
      secretsManagerEndpoint = "http://127.0.0.1:" + server.getAddress().getPort();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    dynamoClient = dynamo(baseEnv());
    sqsClient = sqs(baseEnv());
  }

  public static synchronized StandIns get() {
    if (instance == null) instance = new StandIns();
    return instance;
  }

  /** Endpoints and credentials only, with no tables or queues. */
  public Env baseEnv() {
    Map<String, String> vars = new HashMap<>();
    vars.put("AWS_REGION", "us-east-1");
    vars.put("AWS_ACCESS_KEY_ID", "local");
    vars.put("AWS_SECRET_ACCESS_KEY", "local");
    vars.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint());
    vars.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint());
    vars.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint());
    vars.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManagerEndpoint);
    return Env.of(vars);
  }

  /**
   * New tables and queues, every one template.yaml declares (indexes, DLQs and redrives included), each name
   * ending in a unique suffix, and the environment the template gives the functions (see {@link FreshStack}),
   * with the keys, the allowlist, the short retry base and the paid plan (no count limit) the tests run with. A
   * queue behaves otherwise than the template says only through a named {@link QueueOverride}.
   */
  public Env freshEnv(QueueOverride... overrides) {
    String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> vars = new HashMap<>(baseEnv().vars());
    vars.putAll(FreshStack.create(dynamoClient, sqsClient, suffix, overrides));
    vars.put("HERALD_API_KEY", "test-key");
    vars.put("HERALD_SIGNING_KEY", "test-signing-key-0123456789abcdef");
    vars.put("HERALD_PUBLIC_URL", "http://127.0.0.1:3000");
    vars.put("HERALD_WEBHOOK_ALLOWLIST", "127.0.0.1,localhost");
    vars.put("HERALD_RETRY_BASE_SECONDS", "1");
    vars.put("HERALD_DEFAULT_PLAN", "paid");   // tests of the plans' limits set the plan they test
    vars.put("MANUAL_GRACE_SECONDS", "600");   // the template's default ManualGraceSeconds
    vars.put("HERALD_SECRETS_PREFIX", "herald/test" + suffix + "/");
    return Env.of(vars);
  }

  public static DynamoDbClient dynamo(Env env) {
    return AwsModule.configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
  }

  public static SqsClient sqs(Env env) {
    return AwsModule.configure(SqsClient.builder(), env, "SQS").build();
  }
}
