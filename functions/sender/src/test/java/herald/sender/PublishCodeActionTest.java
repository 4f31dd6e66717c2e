package herald.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbCampaigns;
import herald.adapters.dynamodb.DynamoDbCodes;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbPublications;
import herald.adapters.json.SendJobJson;
import herald.domain.activity.ActivityEntry;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CampaignSettings;
import herald.domain.campaigns.CampaignType;
import herald.domain.campaigns.CodeConfig;
import herald.domain.campaigns.PublicationFilter;
import herald.domain.campaigns.QrLinks;
import herald.domain.channels.Channel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.common.SigningKey;
import herald.domain.customers.Customer;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.ManageDistributions;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import herald.platform.Env;
import herald.testing.RecordingEventBridge;
import herald.testing.Seed;
import herald.testing.SesStore;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** publish_code through the sender's handler on the stand-ins: dynalite, the SES stand-in, a real webhook server. */
class PublishCodeActionTest {
  private static final String CAMPAIGN = "camp_" + "0".repeat(31) + "1";
  private static final String SECRET = "whsec_ZmF1bHQtdGVzdC13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5";
  private final RecordingEventBridge bus = new RecordingEventBridge();
  private final List<JsonNode> hooks = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;
  private int answer = 200;
  private Env env;
  private SesStore ses;
  private String email;

  @BeforeEach
  void freshStandIns() throws IOException {
    env = StandIns.get().freshEnv().with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    ses = new SesStore(StandIns.get().ses.endpoint());
    email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      hooks.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(answer, -1);
      exchange.close();
    });
    server.start();
    new Seed(env).brand().customer(email);
  }

  @AfterEach
  void stop() {
    server.stop(0);
    bus.close();
  }

  @Test
  void everyChannelOfTheRecipientCarriesOneCodeWhichARetryKeepsAndWhichIsPublishedOnceSent() {
    campaign(3);
    distribution(email(), webhook());
    SenderHandler sender = new SenderHandler(env);

    sender.handleRequest(jobs(job("email", "evt_1"), job("webhook", "evt_1")), null);
    resetMessages("evt_1");
    sender.handleRequest(jobs(job("email", "evt_1")), null);

    List<JsonNode> mails = ses.to(email);
    assertThat(mails).hasSize(2);
    String code = mails.get(0).path("subject").asText().replace("Your code ", "");
    assertThat(code).matches("WELCOME-[A-Z]{4}");
    assertThat(mails.get(1).path("subject").asText()).isEqualTo("Your code " + code);
    assertThat(mails.get(0).path("body").path("html").asText()).contains("Welcome campaign");
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).path("data").path("voucher").path("code").asText()).isEqualTo(code);
    String qr = new QrLinks(new SigningKey(env.get("HERALD_SIGNING_KEY")), env.get("HERALD_PUBLIC_URL")).urlFor(code);
    assertThat(hooks.get(0).path("data").path("voucher").path("qr_url").asText()).isEqualTo(qr)
        .startsWith(env.get("HERALD_PUBLIC_URL") + "/v1/qr?code=" + code + "&s=");
    assertThat(mails.get(0).path("body").path("html").asText()).contains("<img src=\"" + env.get("HERALD_PUBLIC_URL")
        + "/v1/qr?code");
    assertThat(hooks.get(0).path("data").path("campaign").path("name").asText()).isEqualTo("Welcome campaign");
    var published = publications().list(new PublicationFilter(CAMPAIGN, null, null), null, 10).items();
    assertThat(published).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo(code));
    assertThat(campaigns().counts(CAMPAIGN).published()).isEqualTo(1);
    assertThat(bus.entries()).hasSize(1);
  }

  @Test
  void anEmptyPoolSkipsTheMessageAndIsNotedOnceAnHourForTheDistribution() {
    campaign(0);
    distribution(email());
    SenderHandler sender = new SenderHandler(env);

    sender.handleRequest(jobs(job("email", "evt_1"), job("email", "evt_2"), job("email", "evt_3")), null);

    assertThat(ses.to(email)).isEmpty();
    assertThat(messages()).extracting(Message::status, Message::reason)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(MessageStatus.SKIPPED, "code_pool_exhausted"));
    List<ActivityEntry> entries = new DynamoDbActivity(StandIns.dynamo(env), env.get("ACTIVITY_TABLE"))
        .of(ManageDistributions.subject(Seed.DISTRIBUTION_ID), null, 10).items();
    assertThat(entries).extracting(ActivityEntry::action).containsExactly("code_pool_exhausted");
  }

  @Test
  void whenEveryChannelFailsForGoodTheCodeGoesBackToThePool() {
    answer = 410;
    campaign(1);
    distribution(webhook(), new herald.domain.channels.sms.SmsChannel("{{voucher.code}}", "transactional", null));
    SenderHandler sender = new SenderHandler(env);

    sender.handleRequest(jobs(job("webhook", "evt_1"), job("sms", "evt_1")), null);

    assertThat(hooks).hasSize(1);
    assertThat(messages()).extracting(Message::status).containsOnly(MessageStatus.FAILED, MessageStatus.SKIPPED);
    assertThat(publications().list(new PublicationFilter(CAMPAIGN, null, null), null, 10).items()).isEmpty();
    assertThat(campaigns().counts(CAMPAIGN).published()).isZero();
    assertThat(bus.entries()).isEmpty();
    answer = 200;
    sender.handleRequest(jobs(job("webhook", "evt_2")), null);
    assertThat(hooks).hasSize(2);
    assertThat(hooks.get(1).path("data").path("voucher").path("code").asText())
        .isEqualTo(hooks.get(0).path("data").path("voucher").path("code").asText());
  }

  private void campaign(int codes) {
    Instant now = Instant.now();
    new DynamoDbCampaigns(StandIns.dynamo(env), env.get("CAMPAIGNS_TABLE")).create(Campaign.create(CAMPAIGN,
        new CampaignSettings("Welcome campaign", CampaignType.DISCOUNT_VOUCHERS, null, null, false,
            new CodeConfig(8, "uppercase", null, null, "WELCOME-####"), false, 30, null), now));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < codes; i++) made.add("WELCOME-" + "ABCDEFGHIJ".substring(i, i + 4));
    if (codes > 0) new DynamoDbCodes(StandIns.dynamo(env), env.get("CODES_TABLE")).add(CAMPAIGN, made, "test", now);
    campaigns().count(CAMPAIGN, codes, 0);
  }

  private void distribution(Channel... channels) {
    Instant now = Instant.now();
    new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds())
        .create(new Distribution(Seed.DISTRIBUTION_ID, "Welcome", null, DistributionStatus.ACTIVE,
            new Trigger("customer.custom_event", Map.of("event", "signed_up")), Audience.eventCustomer(),
            new Action(ActionType.PUBLISH_CODE, CAMPAIGN, null), List.of(channels), 1, now, now));
  }

  private static EmailChannel email() {
    return new EmailChannel("Your code {{voucher.code}}",
        "<p>{{voucher.code}} from {{campaign.name}}, until {{voucher.expiration_date}}</p>"
            + "<img src=\"{{voucher.qr_url}}\" alt=\"\">", null);
  }

  private WebhookChannel webhook() {
    return new WebhookChannel("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", SECRET, Map.of(), null);
  }

  private static SendJob job(String channel, String eventId) {
    String customer = Customer.idFor(Seed.SOURCE_ID);
    return new SendJob(Seed.DISTRIBUTION_ID, channel, customer, new TriggerEvent(eventId, "customer.custom_event",
        Instant.parse("2026-11-25T10:00:00Z"), new TriggerEvent.CustomerRef(customer, Seed.SOURCE_ID),
        Map.of("event", "signed_up")));
  }

  private static SQSEvent jobs(SendJob... jobs) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (SendJob job : jobs) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId(UUID.randomUUID().toString());
      m.setBody(SendJobJson.write(job));
      m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
      records.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /** As if the messages were never sent: a retried job after the first one's outcome was lost. */
  private void resetMessages(String eventId) {
    var dynamo = StandIns.dynamo(env);
    for (Message m : messages()) {
      dynamo.deleteItem(r -> r.tableName(env.get("MESSAGES_TABLE"))
          .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(m.id()))));
    }
  }

  private List<Message> messages() {
    return new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"), Clock.systemUTC())
        .forDistribution(Seed.DISTRIBUTION_ID, null, 50).items();
  }

  private DynamoDbCampaigns campaigns() {
    return new DynamoDbCampaigns(StandIns.dynamo(env), env.get("CAMPAIGNS_TABLE"));
  }

  private DynamoDbPublications publications() {
    return new DynamoDbPublications(StandIns.dynamo(env), env.get("PUBLICATIONS_TABLE"));
  }
}
