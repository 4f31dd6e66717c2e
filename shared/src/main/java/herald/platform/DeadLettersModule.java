package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SqsRedrives;
import herald.adapters.dynamodb.DynamoDbDeadLetters;
import herald.domain.deadletters.DeadLetterQueue;
import herald.domain.deadletters.DeadLetters;
import herald.domain.deadletters.Redrives;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The record of dead letters (DEAD_LETTERS_TABLE) and the work queues redrivable ones go back to. */
@Module(includes = AwsModule.class)
public final class DeadLettersModule {
  private DeadLettersModule() {}

  @Provides @Singleton static DeadLetters deadLetters(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbDeadLetters(dynamo, env.get("DEAD_LETTERS_TABLE"), clock);
  }

  /** The redrivable queues' work queues the function's environment names (the api's: all of them). */
  @Provides @Singleton static Redrives redrives(SqsClient sqs, Env env) {
    Map<DeadLetterQueue, String> urls = new EnumMap<>(DeadLetterQueue.class);
    for (DeadLetterQueue queue : DeadLetterQueue.values()) {
      if (queue.redrivable()) env.optional(queue.name() + "_QUEUE_URL").ifPresent(url -> urls.put(queue, url));
    }
    return new SqsRedrives(sqs, urls);
  }
}
