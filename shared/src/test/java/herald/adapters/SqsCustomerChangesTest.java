package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.aws.SqsCustomerChanges;
import herald.adapters.json.CustomerChangeJson;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsCustomerChangesTest {
  private final Env env = StandIns.get().freshEnv();
  private final SqsClient sqs = StandIns.sqs(env);
  private final String queue = env.get("CUSTOMER_CHANGES_QUEUE_URL");

  @Test
  void announcesEachCustomerAsOneMessageWithItsIdOnly() {
    List<String> ids = IntStream.range(0, 25).mapToObj(i -> Customer.idFor("c" + i)).toList();

    new SqsCustomerChanges(sqs, queue).announce(ids);
    new SqsCustomerChanges(sqs, queue).announce(List.of());

    List<String> bodies = new ArrayList<>();
    for (int tries = 0; tries < 20 && bodies.size() < 25; tries++) {
      sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1).visibilityTimeout(30))
          .messages().forEach(m -> bodies.add(m.body()));
    }
    assertThat(bodies).hasSize(25).allSatisfy(body -> assertThat(Json.parse(body).size()).isEqualTo(1));
    assertThat(bodies).extracting(body -> CustomerChangeJson.parse(Json.parse(body)))
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void aBodyThatIsNoAnnouncementIsInvalid() {
    for (String body : List.of("{}", "{\"customer_id\":7}", "{\"customer_id\":\" \"}",
        "{\"customer_id\":\"cust_1\",\"kind\":\"x\"}")) {
      assertThatThrownBy(() -> CustomerChangeJson.parse(Json.parse(body))).as(body).isInstanceOf(Invalid.class);
    }
    assertThat(CustomerChangeJson.is(Json.parse("{\"kind\":\"segment.evaluation\",\"customer_id\":\"x\"}"))).isFalse();
    assertThat(CustomerChangeJson.is(Json.parse("{\"customer_id\":\"cust_1\"}"))).isTrue();
  }
}
