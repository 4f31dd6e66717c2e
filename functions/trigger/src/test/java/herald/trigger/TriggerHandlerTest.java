package herald.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.json.SendJobJson;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.ChannelType;
import herald.domain.distributions.DistributionStatus;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.Seed;
import herald.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TriggerHandlerTest {
  private Env env;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv();
  }

  @Test
  void queuesASendJobForTheActiveDistributionTheEventTriggers() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);

    invoke(EventFiles.read("trigger-custom-event.json"));

    List<SendJob> jobs = queued();
    assertThat(jobs).hasSize(1);
    SendJob job = jobs.get(0);
    assertThat(job.distributionId()).isEqualTo(Seed.DISTRIBUTION_ID);
    assertThat(job.channel()).isEqualTo(ChannelType.EMAIL);
    assertThat(job.customerId()).isEqualTo("cust_1078439aeeaf66becb7282addfb39cea");
    assertThat(job.event().id()).isEqualTo("evt_signup_ada_1");
    assertThat(job.event().data()).containsEntry("plan", "gold");
  }

  @Test
  void queuesNothingForADraftDistribution() throws Exception {
    new Seed(env).distribution(DistributionStatus.DRAFT);
    invoke(EventFiles.read("trigger-custom-event.json"));
    assertThat(queued()).isEmpty();
  }

  @Test
  void queuesNothingForAnotherCustomEventName() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    invoke(EventFiles.read("trigger-custom-event.json").replace("\"signed_up\"", "\"logged_in\""));
    assertThat(queued()).isEmpty();
  }

  @Test
  void dropsAMalformedEventWithoutFailing() throws Exception {
    new Seed(env).distribution(DistributionStatus.ACTIVE);
    invoke("{\"detail-type\":\"customer.custom_event\",\"detail\":{\"id\":\"x\"}}");
    invoke("not json");
    assertThat(queued()).isEmpty();
  }

  private void invoke(String event) throws Exception {
    new TriggerHandler(env).handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(), null);
  }

  private List<SendJob> queued() {
    var sqs = StandIns.sqs(env);
    List<SendJob> jobs = new ArrayList<>();
    sqs.receiveMessage(r -> r.queueUrl(env.get("SEND_QUEUE_URL")).maxNumberOfMessages(10).waitTimeSeconds(1))
        .messages().forEach(m -> jobs.add(SendJobJson.read(m.body())));
    return jobs;
  }
}
