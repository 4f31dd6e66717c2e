package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SqsCustomerChanges;
import herald.adapters.dynamodb.DynamoDbChangedCustomers;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.CustomerChanges;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * How customer changes reach the segments function: the writers (api, jobs) announce them on the customer changes
 * queue (CUSTOMER_CHANGES_QUEUE_URL); the segments function reads the marks every save leaves on the customers'
 * items (CUSTOMERS_TABLE).
 */
@Module(includes = AwsModule.class)
public final class ChangesModule {
  private ChangesModule() {}

  @Provides @Singleton static CustomerChanges customerChanges(SqsClient sqs, Env env) {
    return new SqsCustomerChanges(sqs, env.get("CUSTOMER_CHANGES_QUEUE_URL"));
  }

  @Provides @Singleton static ChangedCustomers changedCustomers(DynamoDbClient dynamo, Env env) {
    return new DynamoDbChangedCustomers(dynamo, env.get("CUSTOMERS_TABLE"));
  }
}
