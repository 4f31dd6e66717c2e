package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SesEmailSender;
import herald.domain.channels.email.Email;
import herald.platform.AwsModule;
import herald.testing.SesStore;
import herald.testing.StandIns;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

class SesEmailSenderTest {
  @Test
  void readsTheAccountsMaxSendRateFromGetAccount() {
    try (var ses = herald.standins.NodeStandIn.ses(0, 14)) {
      SesV2Client client = AwsModule.configure(SesV2Client.builder(),
          StandIns.get().baseEnv().with("AWS_ENDPOINT_URL_SESV2", ses.endpoint()), "SESV2").build();

      assertThat(new SesEmailSender(client, null).maxSendRate()).hasValue(14);
    }
  }

  @Test
  void anSesThatCannotBeAskedGivesNoRate() {
    SesV2Client client = AwsModule.configure(SesV2Client.builder(),
        StandIns.get().baseEnv().with("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:1"), "SESV2").build();

    assertThat(new SesEmailSender(client, null).maxSendRate()).isEmpty();
  }

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

  @Test
  void anEmailWithAnUnsubscribeUrlCarriesTheOneClickListUnsubscribeHeaders() {
    StandIns standIns = StandIns.get();
    List<SendEmailRequest> requests = new CopyOnWriteArrayList<>();
    SesV2Client ses = AwsModule.configure(SesV2Client.builder(), standIns.baseEnv(), "SESV2")
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof SendEmailRequest r) requests.add(r);
          }
        })).build();
    String to = "ada-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
    String url = "https://api.acme.example/v1/unsubscribe?c=cust_1&s=abc";

    new SesEmailSender(ses, "herald").send(new Email("Acme", "hello@acme.test", to, "Hi", "<p>Hi</p>", "Hi",
        "msg_unsub", url));

    JsonNode email = new SesStore(standIns.ses.endpoint()).to(to).get(0);
    assertThat(email.path("headers").toString())
        .contains("{\"name\":\"List-Unsubscribe\",\"value\":\"<" + url + ">\"}")
        .contains("{\"name\":\"List-Unsubscribe-Post\",\"value\":\"List-Unsubscribe=One-Click\"}");
    SendEmailRequest request = requests.get(0);
    assertThat(request.configurationSetName()).isEqualTo("herald");
    assertThat(request.emailTags()).singleElement().satisfies(tag -> {
      assertThat(tag.name()).isEqualTo("herald_message_id");
      assertThat(tag.value()).isEqualTo("msg_unsub");
    });
  }

  @Test
  void anEmailWithoutAnUnsubscribeUrlHasNoListHeaders() {
    StandIns standIns = StandIns.get();
    SesV2Client ses = AwsModule.configure(SesV2Client.builder(), standIns.baseEnv(), "SESV2").build();
    String to = "bob-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";

    new SesEmailSender(ses, null).send(new Email("Acme", "hello@acme.test", to, "Hi", null, "Hi", "msg_plain"));

    JsonNode email = new SesStore(standIns.ses.endpoint()).to(to).get(0);
    assertThat(email.path("headers").toString()).doesNotContain("List-Unsubscribe");
  }
}
