package herald.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The runtime's own SDK clients, pointed at the stand-ins with fake credentials. */
final class Clients {
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private Clients() {}

  static SqsClient sqs(String endpoint) {
    return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  static DynamoDbClient dynamoDb(String endpoint) {
    return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }
}
