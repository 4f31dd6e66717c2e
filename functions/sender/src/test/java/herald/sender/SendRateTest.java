package herald.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.domain.customers.Customer;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.DistributionStatus;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.standins.NodeStandIn;
import herald.testing.Seed;
import herald.testing.SesStore;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email is paced to SES's own maximum send rate (GetAccount's MaxSendRate, here an aws-ses-v2-local account allowing
 * 25 a second) by the shared windows, whatever the number of senders: a burst of 2,000 emails, sent by 20
 * concurrent senders, respects the rate over every 10-second window within 10%, as the stand-in timestamps them.
 */
class SendRateTest {
  private static final int RATE = 25;
  private static final int MESSAGES = 2_000;
  private static final int SENDERS = 20;
  private NodeStandIn ses;
  private Env env;

  @BeforeEach
  void anSesAccountAllowingTwentyFiveASecond() {
    ses = NodeStandIn.ses(0, RATE);
    env = StandIns.get().freshEnv().with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_SESV2", ses.endpoint());
    new Seed(env).brand().customer("burst@example.com").distribution(DistributionStatus.ACTIVE);
  }

  @AfterEach
  void stop() {
    ses.close();
  }

  @Test
  void aBurstOfTwoThousandEmailsRespectsSesMaxSendRateOverEveryTenSecondWindow() {
    var sqs = StandIns.sqs(env);
    new SqsSendQueue(sqs, env.get("SEND_QUEUE_URL")).send(jobs());
    SenderHandler handler = new SenderHandler(env);
    SesStore store = new SesStore(ses.endpoint());
    long started = System.nanoTime();
    try (LambdaPoller poller = new LambdaPoller("rate", sqs, env.get("SEND_QUEUE_URL"), SENDERS,
        event -> handler.handleRequest(event, null)).start()) {
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
          .until(() -> store.emails().size() >= MESSAGES);
      assertThat(poller.unexpected).isEmpty();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    TreeMap<Long, Integer> perSecond = new TreeMap<>();
    for (JsonNode email : store.emails()) perSecond.merge(email.path("at").asLong(), 1, Integer::sum);
    List<Integer> windows = new ArrayList<>();
    for (long start = perSecond.firstKey(); start <= perSecond.lastKey(); start++) {
      windows.add(perSecond.subMap(start, start + 10).values().stream().mapToInt(Integer::intValue).sum());
    }
    System.out.printf("send rate: %d emails in %d s; busiest 10 s window %d (limit %d)%n", MESSAGES,
        took.toSeconds(), windows.stream().mapToInt(Integer::intValue).max().orElse(0), RATE * 11);
    assertThat(store.emails()).hasSize(MESSAGES);
    assertThat(windows).as("emails in each 10 s window").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(RATE * 11));
    assertThat(windows.stream().mapToInt(Integer::intValue).max().orElse(0)).as("the rate is reached")
        .isGreaterThanOrEqualTo(RATE * 8);
    assertThat(messages()).hasSize(MESSAGES).allSatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.SENT));
  }

  private List<SendJob> jobs() {
    String customer = Customer.idFor(Seed.SOURCE_ID);
    return IntStream.range(0, MESSAGES).mapToObj(i -> new SendJob(Seed.DISTRIBUTION_ID, "email", customer,
        new TriggerEvent("evt_burst_" + i, "customer.custom_event", Instant.now(),
            new TriggerEvent.CustomerRef(customer, Seed.SOURCE_ID), Map.of("event", "signed_up", "plan", "gold"))))
        .toList();
  }

  private List<Message> messages() {
    var messages = new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC());
    List<Message> all = new ArrayList<>();
    String cursor = null;
    do {
      var page = messages.forDistribution(Seed.DISTRIBUTION_ID, cursor, 500);
      all.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);
    return all;
  }
}
