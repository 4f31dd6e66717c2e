package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.platform.Json;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The runtime's Secrets Manager endpoint, driven by the SDK's client and, as a second opinion, the AWS CLI. */
class LocalSecretsManagerTest {
  private static LocalAwsServer server;
  private static SecretsManagerClient client;

  @BeforeAll
  static void start() throws Exception {
    server = LocalAwsServer.start(0, new LocalEventBridge(Map.of(), Set.of("default"), null), new LocalSns());
    client = SecretsManagerClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(Clients.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void createsReadsReplacesAndDeletesASecretByNameOrArn() {
    String arn = client.createSecret(r -> r.name("herald/t1/integrations/int_1").secretString("{\"k\":\"v1\"}")).arn();

    assertThat(arn).startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:herald/t1/integrations/int_1-");
    assertThat(client.getSecretValue(r -> r.secretId("herald/t1/integrations/int_1")).secretString())
        .isEqualTo("{\"k\":\"v1\"}");
    client.putSecretValue(r -> r.secretId(arn).secretString("{\"k\":\"v2\"}"));
    assertThat(client.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("{\"k\":\"v2\"}");
    assertThatThrownBy(() -> client.createSecret(r -> r.name("herald/t1/integrations/int_1").secretString("x")))
        .isInstanceOf(ResourceExistsException.class);
    client.deleteSecret(r -> r.secretId("herald/t1/integrations/int_1").forceDeleteWithoutRecovery(true));
    assertThatThrownBy(() -> client.getSecretValue(r -> r.secretId(arn)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void theAwsCliCreatesReadsAndDeletesASecret() throws Exception {
    AwsCli.Run created = AwsCli.run(server.endpoint(), "secretsmanager", "create-secret", "--name",
        "herald/cli/webhooks/dist_1/0", "--secret-string", "{\"secret\":\"whsec_x\"}");
    assertThat(created.exitCode()).as(created.stderr()).isZero();
    assertThat(Json.parse(created.stdout()).get("Name").asText()).isEqualTo("herald/cli/webhooks/dist_1/0");

    AwsCli.Run read = AwsCli.run(server.endpoint(), "secretsmanager", "get-secret-value", "--secret-id",
        "herald/cli/webhooks/dist_1/0");
    assertThat(read.exitCode()).as(read.stderr()).isZero();
    assertThat(Json.parse(read.stdout()).get("SecretString").asText()).isEqualTo("{\"secret\":\"whsec_x\"}");
    assertThat(server.secretsManager().value("herald/cli/webhooks/dist_1/0")).isEqualTo("{\"secret\":\"whsec_x\"}");

    AwsCli.Run put = AwsCli.run(server.endpoint(), "secretsmanager", "put-secret-value", "--secret-id",
        "herald/cli/webhooks/dist_1/0", "--secret-string", "{\"secret\":\"whsec_y\"}");
    assertThat(put.exitCode()).as(put.stderr()).isZero();
    AwsCli.Run deleted = AwsCli.run(server.endpoint(), "secretsmanager", "delete-secret", "--secret-id",
        "herald/cli/webhooks/dist_1/0", "--force-delete-without-recovery");
    assertThat(deleted.exitCode()).as(deleted.stderr()).isZero();

    AwsCli.Run missing = AwsCli.run(server.endpoint(), "secretsmanager", "get-secret-value", "--secret-id",
        "herald/cli/webhooks/dist_1/0");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.stderr()).contains("ResourceNotFoundException").contains("GetSecretValue");
  }
}
