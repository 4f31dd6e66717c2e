package herald.sender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.adapters.aws.SesEmailSender;
import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbAccountSettings;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbBrandSettings;
import herald.adapters.dynamodb.DynamoDbCampaigns;
import herald.adapters.dynamodb.DynamoDbCodes;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbPublications;
import herald.adapters.dynamodb.DynamoDbRateWindows;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.adapters.dynamodb.DynamoDbUsageCounters;
import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.adapters.json.SendJobJson;
import herald.domain.campaigns.FindPromotionTier;
import herald.domain.campaigns.HoldCode;
import herald.domain.campaigns.QrLinks;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.common.SigningKey;
import herald.domain.delivery.ActionScope;
import herald.domain.delivery.CodeEscrow;
import herald.domain.delivery.PrepareMessage;
import herald.domain.delivery.RecordDeadLetter;
import herald.domain.delivery.SendToRecipient;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.limits.Limits;
import herald.domain.limits.Plan;
import herald.domain.limits.Quota;
import herald.domain.limits.SendRate;
import herald.platform.AwsModule;
import herald.platform.Env;
import herald.platform.SqsBatch;
import herald.platform.SqsRetries;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;

/**
 * The sender and the dead-letter logic wired as DeliveryModule and DeadLetterComponent wire them, but with a
 * short lease, a short webhook timeout, the receiver's port on the allowlist, and the stores and providers
 * wrapped in {@link FaultyPorts}.
 */
final class FaultTestWiring {
  private final Env env;
  private final Faults faults;
  private final Duration lease;
  private final DynamoDbClient dynamo;
  private final Clock clock = Clock.systemUTC();

  FaultTestWiring(Env env, Faults faults, Duration lease) {
    this.env = env;
    this.faults = faults;
    this.lease = lease;
    this.dynamo = StandIns.dynamo(env);
  }

  /** The sender; its retries back off from 1 s, doubling, each wait capped at {@code backoffCapSeconds}. */
  SenderHandler sender(FlakyWebhookReceiver receiver, String sendQueue, Duration clientTimeout,
      int backoffCapSeconds) {
    var webhooks = new HttpWebhookSender(HostResolver.system(), WebhookUrls.allowlist("127.0.0.1:" + receiver.port()),
        clock, clientTimeout);
    SesV2Client ses = AwsModule.configure(SesV2Client.builder(), env, "SESV2")
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    ChannelKinds kinds = TestChannels.with()
        .email(new FaultyPorts.WatchedEmails(new SesEmailSender(ses, null), faults))
        .webhooks(new FaultyPorts.WatchedWebhooks(webhooks, faults))
        .suppressions(new DynamoDbSuppressions(dynamo, env.get("SUPPRESSIONS_TABLE")))
        .clock(clock).allowlist("127.0.0.1:" + receiver.port()).build();
    PrepareMessage prepare = new PrepareMessage(new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        kinds),
        new FaultyPorts.FaultyCustomers(new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE")), faults),
        new DynamoDbBrandSettings(dynamo, env.get("SETTINGS_TABLE")),
        new UnsubscribeLinks(env.get("HERALD_SIGNING_KEY"), env.get("HERALD_PUBLIC_URL")), kinds,
        new ActionScope(hold(), new FindPromotionTier(campaigns(), clock),
            new QrLinks(new SigningKey(env.get("HERALD_SIGNING_KEY")), env.get("HERALD_PUBLIC_URL")),
            new DynamoDbActivity(dynamo, env.get("ACTIVITY_TABLE")), clock));
    SqsClient sqs = cappedBackoff(StandIns.sqs(env), backoffCapSeconds);
    SendToRecipient send = new SendToRecipient(messages(), prepare, kinds, stats(),
        new CodeEscrow(hold(), campaigns(), messages()), limits(kinds), new SqsSendQueue(sqs, sendQueue), clock);
    return new SenderHandler(send, new SqsRetries(sqs, sendQueue, Duration.ofSeconds(1)),
        new herald.platform.Metrics(herald.platform.Metrics.DEFAULT_NAMESPACE, java.time.Clock.systemUTC()));
  }

  /** The code steps on the real tables (these fault tests send plain messages: nothing goes on the bus). */
  private HoldCode hold() {
    return new HoldCode(campaigns(), new DynamoDbCodes(dynamo, env.get("CODES_TABLE")),
        new DynamoDbPublications(dynamo, env.get("PUBLICATIONS_TABLE")), event -> {
          throw new IllegalStateException("no bus in the fault tests");
        }, clock);
  }

  private DynamoDbCampaigns campaigns() {
    return new DynamoDbCampaigns(dynamo, env.get("CAMPAIGNS_TABLE"));
  }

  /** A paid account on the real tables: every message reserves its unit and counts once sent. */
  private Limits limits(ChannelKinds kinds) {
    var account = new DynamoDbAccountSettings(dynamo, env.get("SETTINGS_TABLE"), Plan.PAID);
    return new Limits(account, new Quota(account, usage(), clock),
        new SendRate(kinds, new DynamoDbRateWindows(dynamo, env.get("USAGE_TABLE")), until -> {}, clock));
  }

  private DynamoDbUsageCounters usage() {
    return new DynamoDbUsageCounters(dynamo, env.get("USAGE_TABLE"), clock);
  }

  /** DeadLetterHandler's logic (that function is no dependency of this one), on the same faulty stores. */
  Function<SQSEvent, SQSBatchResponse> deadLetters() {
    RecordDeadLetter record = new RecordDeadLetter(messages(), stats(), usage(), clock);
    return event -> SqsBatch.each(event, message -> record.record(SendJobJson.read(message.getBody())));
  }

  private FaultyPorts.FaultyMessages messages() {
    return new FaultyPorts.FaultyMessages(new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), clock, lease),
        faults, lease);
  }

  private FaultyPorts.FaultyStats stats() {
    return new FaultyPorts.FaultyStats(new DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE")), faults);
  }

  /**
   * SqsRetries' backoff on a compressed clock: base 1 s doubling as in production, each wait capped so that
   * twelve tries fit in the test (uncapped, the eleventh try alone would wait 17 minutes).
   */
  private static SqsClient cappedBackoff(SqsClient sqs, int capSeconds) {
    return new SqsClient() {
      @Override
      public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
        return sqs.changeMessageVisibility(request.toBuilder()
            .visibilityTimeout(Math.min(request.visibilityTimeout(), capSeconds)).build());
      }

      @Override
      public String serviceName() {
        return SERVICE_NAME;
      }

      @Override
      public void close() {
      }
    };
  }
}
