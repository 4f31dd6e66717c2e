package herald.platform;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One AWS SDK client per service, built once per function. The endpoint comes from the
 * environment's AWS_ENDPOINT_URL_&lt;SERVICE&gt; when set (the local runtime and tests), else AWS's own.
 */
@Module
public final class AwsModule {
  private AwsModule() {}

  @Provides @Singleton static DynamoDbClient dynamoDb(Env env) {
    return configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
  }

  @Provides @Singleton static SqsClient sqs(Env env) {
    return configure(SqsClient.builder(), env, "SQS").build();
  }

  /** No SDK retries: a retried 5xx may send an email twice; the sender's own backoff retries instead. */
  @Provides @Singleton static SesV2Client ses(Env env) {
    return configure(SesV2Client.builder(), env, "SESV2")
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }

  /** No SDK retries, for the same reason as SES: a text sent twice cannot be taken back. */
  @Provides @Singleton static SnsClient sns(Env env) {
    return configure(SnsClient.builder(), env, "SNS")
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }

  /** Built on first use: only the functions that keep secrets (api, sender) call Secrets Manager. */
  @Provides @Singleton static SecretsManagerClient secretsManager(Env env) {
    return configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").build();
  }

  @Provides @Singleton static EventBridgeClient eventBridge(Env env) {
    return configure(EventBridgeClient.builder(), env, "EVENTBRIDGE").build();
  }

  @Provides @Singleton static SchedulerClient scheduler(Env env) {
    return configure(SchedulerClient.builder(), env, "SCHEDULER").build();
  }

  @Provides @Singleton static Clock clock() {
    return Clock.systemUTC();
  }

  public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Env env, String service) {
    builder.region(Region.of(env.optional("AWS_REGION").orElse("us-east-1")))
        .credentialsProvider(credentials(env));
    if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClientBuilder(UrlConnectionHttpClient.builder());
    }
    env.optional("AWS_ENDPOINT_URL_" + service).or(() -> env.optional("AWS_ENDPOINT_URL"))
        .ifPresent(url -> builder.endpointOverride(URI.create(url)));
    return builder;
  }

  private static AwsCredentialsProvider credentials(Env env) {
    var key = env.optional("AWS_ACCESS_KEY_ID");
    var secret = env.optional("AWS_SECRET_ACCESS_KEY");
    if (key.isEmpty() || secret.isEmpty()) return DefaultCredentialsProvider.builder().build();
    var token = env.optional("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(token.isPresent()
        ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
        : AwsBasicCredentials.create(key.get(), secret.get()));
  }
}
