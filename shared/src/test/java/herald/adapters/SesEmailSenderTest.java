package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SesEmailSender;
import herald.domain.delivery.Email;
import herald.platform.AwsModule;
import herald.testing.SesStore;
import herald.testing.StandIns;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class SesEmailSenderTest {
  @Test
  void sendsHtmlAndTextFromTheBrandToTheCustomer() {
    StandIns standIns = StandIns.get();
    SesV2Client ses = AwsModule.configure(SesV2Client.builder(), standIns.baseEnv(), "SESV2").build();
    String to = "ada-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";

    String id = new SesEmailSender(ses, null).send(new Email("Acme \"Shop\"", "hello@acme.test", to,
        "Hi Ada", "<p>Welcome Ada</p>", "Welcome Ada", "msg_abc"));

    assertThat(id).isNotBlank();
    List<JsonNode> captured = new SesStore(standIns.ses.endpoint()).to(to);
    assertThat(captured).hasSize(1);
    JsonNode email = captured.get(0);
    assertThat(email.path("subject").asText()).isEqualTo("Hi Ada");
    assertThat(email.path("from").asText()).contains("hello@acme.test").contains("Acme");
    assertThat(email.path("body").path("html").asText()).contains("<p>Welcome Ada</p>");
    assertThat(email.path("body").path("text").asText()).contains("Welcome Ada");
  }
}
