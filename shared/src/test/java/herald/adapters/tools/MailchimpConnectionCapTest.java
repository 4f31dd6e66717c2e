package herald.adapters.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import herald.adapters.dynamodb.DynamoDbConnectionSlots;
import herald.adapters.http.HostResolver;
import herald.adapters.http.SsrfGuard;
import herald.adapters.http.ToolHttp;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.mailchimp.MailchimpMember;
import herald.domain.integrations.ToolAccess;
import herald.testing.StandIns;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Mailchimp's cap of 10 simultaneous connections per account, held by Herald across senders: 30 senders, each with
 * its own HTTP client, DynamoDB client and adapters (as 30 Lambda instances would have), deliver 300 members through
 * one integration to a slow stub of Mailchimp that counts the requests in flight. A sender told the connections are
 * busy tries again, as its queue would bring the job back.
 */
class MailchimpConnectionCapTest {
  private static final int SENDERS = 30;
  private static final int MESSAGES_EACH = 10;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private final Set<String> members = ConcurrentHashMap.newKeySet();
  private final AtomicInteger tagged = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private HttpServer mailchimp;
  private ExecutorService stubThreads;

  @BeforeEach
  void start() throws IOException {
    mailchimp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    stubThreads = Executors.newFixedThreadPool(64);
    mailchimp.setExecutor(stubThreads);
    mailchimp.createContext("/", this::answer);
    mailchimp.start();
  }

  @AfterEach
  void stop() {
    mailchimp.stop(0);
    stubThreads.shutdownNow();
  }

  @Test
  void thirtySendersNeverHoldMoreThanTenRequestsInFlightAndEveryMemberGetsThrough() throws Exception {
    String table = table();
    ToolAccess access = new ToolAccess("int_cap", "mailchimp",
        "http://127.0.0.1:" + mailchimp.getAddress().getPort() + "/3.0",
        Map.of("api_key", "0123456789abcdef0123456789abcdef-us14"));
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> done = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      done.add(senders.submit(() -> {
        DynamoDbClient dynamo = StandIns.dynamo(StandIns.get().baseEnv());
        ToolHttp http = new ToolHttp(new SsrfGuard(HostResolver.system(),
            Set.of("127.0.0.1:" + mailchimp.getAddress().getPort())), ToolHttp.TIMEOUT);
        MailchimpHttpApi api = new MailchimpHttpApi(http, new DynamoDbConnectionSlots(dynamo, table,
            Clock.systemUTC()), Clock.systemUTC(), Duration.ofSeconds(2));
        for (int m = 0; m < MESSAGES_EACH; m++) {
          MailchimpMember member = new MailchimpMember("msg_" + sender + "_" + m, access, "aud1",
              "c" + sender + "-" + m + "@mail.example", "subscribed", Map.of("CODE", "C-" + m), Map.of(),
              List.of("Welcome"));
          deliver(api, member);
        }
        dynamo.close();
        return null;
      }));
    }
    for (Future<?> f : done) f.get();
    senders.shutdown();

    assertThat(members).hasSize(SENDERS * MESSAGES_EACH);
    assertThat(tagged.get()).isEqualTo(SENDERS * MESSAGES_EACH);
    assertThat(peak.get()).as("requests in flight at Mailchimp at once").isLessThanOrEqualTo(10)
        .as("the senders did press on the cap").isGreaterThanOrEqualTo(6);
    assertThat(StandIns.dynamo(StandIns.get().baseEnv()).scan(r -> r.tableName(table)).items())
        .as("every slot was given back").isEmpty();
  }

  /** Until Mailchimp takes it: a busy answer is a retry, as the send queue brings the job back. */
  private void deliver(MailchimpHttpApi api, MailchimpMember member) {
    while (true) {
      try {
        api.upsert(member);
        return;
      } catch (DeliveryFailure failure) {
        assertThat(failure.reason()).isEqualTo("mailchimp_busy");
        busy.incrementAndGet();
      }
    }
  }

  /**
   * 40 ms per request, counted in flight from its arrival until its answer starts (so a sender that has its answer
   * can never find its own request still counted).
   */
  private void answer(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    try {
      Thread.sleep(40);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String path = exchange.getRequestURI().getPath();
    inFlight.decrementAndGet();
    if (exchange.getRequestMethod().equals("PUT")) {
      members.add(body.replaceAll(".*\"email_address\":\"([^\"]+)\".*", "$1"));
      byte[] answer = "{\"id\":\"x\",\"unique_email_id\":\"u\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    } else if (path.endsWith("/tags")) {
      tagged.incrementAndGet();
      exchange.sendResponseHeaders(204, -1);
    } else {
      exchange.sendResponseHeaders(404, -1);
    }
    exchange.close();
  }

  private static String table() {
    DynamoDbClient dynamo = StandIns.dynamo(StandIns.get().baseEnv());
    String name = "usage-" + UUID.randomUUID().toString().substring(0, 8);
    dynamo.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("id").keyType("HASH")));
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
    return name;
  }
}
