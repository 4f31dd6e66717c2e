package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.EventBridgeBus;
import herald.adapters.aws.SqsFanoutQueue;
import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbApiKeys;
import herald.adapters.dynamodb.DynamoDbBrandSettings;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbEventKeys;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbRejectedEvents;
import herald.adapters.dynamodb.DynamoDbSendProgress;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.adapters.json.EventSchemas;
import herald.domain.activity.Activity;
import herald.domain.brand.BrandSettings;
import herald.domain.channels.ChannelKinds;
import herald.domain.customers.Customers;
import herald.domain.delivery.CompleteManualSend;
import herald.domain.delivery.Messages;
import herald.domain.delivery.SendCompletion;
import herald.domain.delivery.SendProgress;
import herald.domain.delivery.SendQueue;
import herald.domain.delivery.StatusCounters;
import herald.domain.distributions.Distributions;
import herald.domain.events.EventBus;
import herald.domain.events.RejectedEvents;
import herald.domain.fanout.FanoutQueue;
import herald.domain.intake.EventDataRules;
import herald.domain.intake.EventKeys;
import herald.domain.keys.ApiKeys;
import herald.domain.suppressions.Suppressions;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The ports, each bound to its adapter with the table, queue or bus the function's environment names; and the
 * channels, which the distributions' stored documents need.
 */
@Module(includes = {AwsModule.class, DistributionsModule.class, ChannelsModule.class, ProvidersModule.class,
    LimitsModule.class, IntegrationsModule.class})
public abstract class StoresModule {
  private StoresModule() {}

  @Provides @Singleton static Distributions distributions(DynamoDbClient dynamo, Env env, ChannelKinds kinds) {
    return new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"), kinds);
  }

  @Provides @Singleton static Customers customers(DynamoDbClient dynamo, Env env) {
    return new DynamoDbCustomers(dynamo, env.get("CUSTOMERS_TABLE"));
  }

  @Provides @Singleton static Messages messages(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), clock);
  }

  @Provides @Singleton static StatusCounters statusCounters(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE"), clock);
  }

  /** A manual send's progress, beside the status counters. */
  @Provides @Singleton static SendProgress sendProgress(DynamoDbClient dynamo, Env env) {
    return new DynamoDbSendProgress(dynamo, env.get("STATS_TABLE"));
  }

  @Binds abstract SendCompletion sendCompletion(CompleteManualSend complete);

  @Provides @Singleton static BrandSettings brand(DynamoDbClient dynamo, Env env) {
    return new DynamoDbBrandSettings(dynamo, env.get("SETTINGS_TABLE"));
  }

  @Provides @Singleton static Suppressions suppressions(DynamoDbClient dynamo, Env env) {
    return new DynamoDbSuppressions(dynamo, env.get("SUPPRESSIONS_TABLE"));
  }

  @Provides @Singleton static Activity activity(DynamoDbClient dynamo, Env env) {
    return new DynamoDbActivity(dynamo, env.get("ACTIVITY_TABLE"));
  }

  @Provides @Singleton static EventKeys eventKeys(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbEventKeys(dynamo, env.get("EVENT_KEYS_TABLE"), clock);
  }

  @Provides @Singleton static RejectedEvents rejectedEvents(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbRejectedEvents(dynamo, env.get("REJECTED_EVENTS_TABLE"), clock);
  }

  @Provides @Singleton static ApiKeys apiKeys(DynamoDbClient dynamo, Env env) {
    return new DynamoDbApiKeys(dynamo, env.get("API_KEYS_TABLE"));
  }

  @Provides @Singleton static SendQueue sendQueue(SqsClient sqs, Env env) {
    return new SqsSendQueue(sqs, env.get("SEND_QUEUE_URL"));
  }

  @Provides @Singleton static FanoutQueue fanoutQueue(SqsClient sqs, Env env) {
    return new SqsFanoutQueue(sqs, env.get("FANOUT_QUEUE_URL"));
  }

  @Provides @Singleton static EventBus eventBus(EventBridgeClient events, Env env) {
    return new EventBridgeBus(events, env.get("EVENT_BUS_NAME"));
  }

  @Provides @Singleton static EventSchemas eventSchemas() {
    return EventSchemas.load();
  }

  @Binds abstract EventDataRules eventDataRules(EventSchemas schemas);
}
