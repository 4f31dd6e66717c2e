package herald.adapters.json;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.common.Invalid;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionDraft;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.platform.Json;
import herald.testing.TestChannels;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionJsonTest {
  private static final ChannelKinds KINDS = TestChannels.kinds();
  private static final DistributionJson JSON = new DistributionJson(new ChannelJson(KINDS));
  private static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3";

  /** One of everything: every channel, with every secret. */
  static Distribution full() {
    return new Distribution("dist_1", "Everything", "All channels", DistributionStatus.ACTIVE,
        new Trigger("customer.segment.entered", Map.of("segment_id", "seg_vip", "include_existing_members", true),
            "{\"source\":[\"web\"]}"),
        Audience.eventCustomer(), new Action(ActionType.PUBLISH_CODE, "camp_1", null), List.of(
            new EmailChannel("Hi {{customer.name}}", "<p>{{voucher.code}}</p>", "{{voucher.code}}"),
            new SmsChannel("Code {{voucher.code}} €", "transactional", "Acme"),
            new WebhookChannel("https://hooks.example.com/in", SECRET, Map.of("X-Team", "growth"),
                WebhookPayload.custom(Map.of("code", "{{voucher.code}}", "n", 1, "ok", true, "list", List.of("a")))),
            new BrazeChannel("int_example_braze", "id", Map.of("code", "{{voucher.code}}")),
            new MailchimpChannel("int_example_mailchimp", "a1b2c3", Map.of("CODE", "{{voucher.code}}"), List.of("vip")),
            new KlaviyoChannel("int_example_klaviyo", "Code received", Map.of("code", "{{voucher.code}}")),
            new IntercomChannel("int_example_intercom", "code-received", Map.of("code", "{{voucher.code}}"))),
        3, T0, T0.plusSeconds(60));
  }

  private static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"'));
  }

  private static final String MINIMAL = "{'name':'Welcome','trigger':{'type':'customer.custom_event','filters':"
      + "{'event':'signed_up'}},'audience':{'type':'event_customer'},'action':{'type':'plain_message'},"
      + "'channels':[{'type':'email','subject':'Hi','text':'Hello'}]}";

  private static ObjectNode minimal() {
    return (ObjectNode) json(MINIMAL);
  }

  @Test
  void parsesAMinimalBody() {
    DistributionDraft draft = JSON.parseDraft(minimal());

    assertThat(draft).isEqualTo(new DistributionDraft("Welcome", null, new Trigger("customer.custom_event",
        Map.of("event", "signed_up")), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(new EmailChannel("Hi", null, "Hello"))));
  }

  @Test
  void theApiFormNeverShowsASecretButSaysWhichAreSet() {
    String written = JSON.write(full()).toString();

    assertThat(written).doesNotContain(SECRET);
    JsonNode channels = JSON.write(full()).get("channels");
    assertThat(channels.get(2).get("secret_set").asBoolean()).isTrue();
    assertThat(channels.get(2).has("secret")).isFalse();
    for (int tool = 3; tool <= 6; tool++) {
      assertThat(channels.get(tool).get("integration_id").asText()).startsWith("int_example_");
      assertThat(channels.get(tool).has("api_key_set")).isFalse();
    }
    assertThat(channels.get(1).get("segments").asInt()).isEqualTo(1);
  }

  @Test
  void writesEveryPartInSnakeCase() {
    JsonNode node = JSON.write(full());

    assertThat(node.get("id").asText()).isEqualTo("dist_1");
    assertThat(node.get("description").asText()).isEqualTo("All channels");
    assertThat(node.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(node.get("version").asLong()).isEqualTo(3);
    assertThat(node.get("created_at").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(node.get("updated_at").asText()).isEqualTo("2025-03-01T10:01:00Z");
    assertThat(node.get("trigger")).isEqualTo(json("{'type':'customer.segment.entered','filters':"
        + "{'include_existing_members':true,'segment_id':'seg_vip'},'pattern':{'source':['web']}}"));
    assertThat(node.get("audience")).isEqualTo(json("{'type':'event_customer'}"));
    assertThat(node.get("action")).isEqualTo(json("{'type':'publish_code','campaign_id':'camp_1'}"));
    assertThat(node.get("channels").get(1)).isEqualTo(json("{'type':'sms','text':'Code {{voucher.code}} €',"
        + "'sms_type':'transactional','sender_id':'Acme','segments':1}"));
    assertThat(node.get("channels").get(3)).isEqualTo(json("{'type':'braze','integration_id':"
        + "'int_example_braze','external_id_field':'id','attributes':{'code':'{{voucher.code}}'},"
        + "'send_event':true,'properties':{}}"));
  }

  @Test
  void whatTheApiWritesParsesBackToTheSameDraftWithoutSecrets() {
    DistributionDraft parsed = JSON.parseDraft(Json.parse(JSON.write(full()).toString()));
    Distribution d = full();

    assertThat(parsed.name()).isEqualTo(d.name());
    assertThat(parsed.description()).isEqualTo(d.description());
    assertThat(parsed.trigger()).isEqualTo(d.trigger());
    assertThat(parsed.audience()).isEqualTo(d.audience());
    assertThat(parsed.action()).isEqualTo(d.action());
    assertThat(parsed.channels()).allSatisfy(c -> assertThat(missesASecret(c)).isEqualTo(
        c instanceof WebhookChannel));
    assertThat(IntStream.range(0, d.channels().size())
        .mapToObj(i -> KINDS.keepSecrets(parsed.channels().get(i), d.channels().get(i))).toList())
        .isEqualTo(d.channels());
    assertThat(DistributionJson.version(JSON.write(d))).isEqualTo(3L);
  }

  /** Whether a secret was left out: a save refuses it, or (a webhook) would generate a new one. */
  private static boolean missesASecret(Channel channel) {
    Invalid refused = catchThrowableOfType(Invalid.class, () -> KINDS.checkForSave(channel, "channels[0]."));
    return refused != null && refused.code().equals("missing_field") || KINDS.completeForSave(channel) != channel;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/bogus|bogus",
      "/trigger/bogus|trigger.bogus",
      "/trigger/filters/segment_id|trigger.filters.segment_id",
      "/audience/bogus|audience.bogus",
      "/action/bogus|action.bogus",
      "/channels/0/bogus|channels[0].bogus",
      "/channels/0/url|channels[0].url"})
  void refusesAnUnknownFieldAtEveryLevelNamingIt(String pointer, String field) {
    ObjectNode body = minimal();
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    ((ObjectNode) body.at(parent.isEmpty() ? "" : parent)).put(pointer.substring(pointer.lastIndexOf('/') + 1), "x");

    assertRefused(() -> JSON.parseDraft(body), "unknown_field", field);
  }

  @Test
  void refusesUnknownFieldsInsideEveryChannelTypeAndItsPayload() {
    for (String channel : List.of("{'type':'sms','text':'x','subject':'s'}|channels[0].subject",
        "{'type':'webhook','url':'https://e.com','payload':{'type':'envelope','format':'x'}}|channels[0].payload.format",
        "{'type':'braze','integration_id':'int_1','secret':'x'}|channels[0].secret",
        "{'type':'mailchimp','audience_id':'a','metric':'m'}|channels[0].metric",
        "{'type':'klaviyo','metric':'m','region':'eu'}|channels[0].region",
        "{'type':'intercom','event_name':'e','api_key':'k'}|channels[0].api_key",
        "{'type':'email','subject':'s','text':'t','sms_type':'x'}|channels[0].sms_type")) {
      String[] parts = channel.split("\\|");
      ObjectNode body = minimal();
      body.set("channels", Json.MAPPER.createArrayNode().add(json(parts[0])));
      assertRefused(() -> JSON.parseDraft(body), "unknown_field", parts[1]);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{'name':5}|name",
      "{'description':['x']}|description",
      "{'trigger':'customer.order.paid'}|trigger",
      "{'trigger':{'type':'customer.custom_event','filters':['signed_up']}}|trigger.filters",
      "{'trigger':{'type':'customer.custom_event','filters':{'event':1}}}|trigger.filters.event",
      "{'trigger':{'type':'customer.order.paid','pattern':'{}'}}|trigger.pattern",
      "{'audience':{'type':7}}|audience.type",
      "{'action':{'type':'publish_code','campaign_id':7}}|action.campaign_id",
      "{'channels':{'type':'email'}}|channels",
      "{'channels':['email']}|channels[0]",
      "{'channels':[{'type':3}]}|channels[0].type",
      "{'channels':[{'type':'webhook','url':'https://e.com','headers':['X-A']}]}|channels[0].headers",
      "{'channels':[{'type':'webhook','url':'https://e.com','headers':{'X-A':1}}]}|channels[0].headers.X-A",
      "{'channels':[{'type':'webhook','url':'https://e.com','payload':'custom'}]}|channels[0].payload",
      "{'channels':[{'type':'mailchimp','audience_id':'a','tags':'vip'}]}|channels[0].tags",
      "{'channels':[{'type':'mailchimp','audience_id':'a','tags':[1]}]}|channels[0].tags[0]",
      "{'channels':[{'type':'braze','integration_id':'int_1','attributes':{'a':{}}}]}|channels[0].attributes.a"})
  void refusesWrongTypesNamingTheField(String override, String field) {
    ObjectNode body = minimal();
    json(override).fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));

    assertRefused(() -> JSON.parseDraft(body), "invalid_type", field);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "{'name':' '}|missing_field|name",
      "{'trigger':{'type':'customer.order.shipped'}}|unknown_trigger_type|trigger.type",
      "{'audience':{'type':'everyone'}}|invalid_value|audience.type",
      "{'audience':{'type':'EVENT_CUSTOMER'}}|invalid_value|audience.type",
      "{'audience':{'type':'segment'}}|missing_field|audience.segment_id",
      "{'action':{'type':'publish_code'}}|missing_field|action.campaign_id",
      "{'action':{'type':'notify_promotion'}}|missing_field|action.promotion_tier_id",
      "{'channels':[]}|missing_field|channels",
      "{'channels':[{'subject':'x'}]}|missing_field|channels[0].type",
      "{'channels':[{'type':'fax'}]}|invalid_value|channels[0].type",
      "{'channels':[{'type':'email','subject':'s','text':'t'},{'type':'sms'}]}|missing_field|channels[1].text",
      "{'channels':[{'type':'email','subject':'s','text':'t'},{'type':'webhook','url':'nope'}]}|invalid_url|channels[1].url",
      "{'channels':[{'type':'webhook','url':'https://e.com','payload':{'type':'custom'}}]}|missing_field|channels[0].payload.body",
      "{'channels':[{'type':'email','subject':'s','text':'t'},{'type':'email','subject':'s','text':'t'}]}|duplicate_channel|channels[1].type"})
  void refusesBadValuesNamingTheField(String override, String code, String field) {
    ObjectNode body = minimal();
    json(override).fields().forEachRemaining(e -> body.set(e.getKey(), e.getValue()));

    assertRefused(() -> JSON.parseDraft(body), code, field);
  }

  @Test
  void refusesABodyThatIsNotAnObject() {
    assertRefused(() -> JSON.parseDraft(json("[]")), "invalid_type", "body");
    assertRefused(() -> JSON.parseDraft(json("{}")), "missing_field", "name");
  }

  @Test
  void parsesACustomWebhookBodyOfAnyJson() {
    ObjectNode body = minimal();
    body.set("channels", json("[{'type':'webhook','url':'https://e.com','secret':'" + SECRET + "','payload':"
        + "{'type':'custom','body':{'code':'{{customer.id}}','n':1.5,'list':[true,null,{'x':'y'}]}}}]"));

    WebhookChannel webhook = (WebhookChannel) JSON.parseDraft(body).channels().getFirst();

    assertThat(webhook.secret()).isEqualTo(SECRET);
    assertThat(webhook.payload().custom()).isTrue();
    assertThat(Json.MAPPER.valueToTree(webhook.payload().body()).toString())
        .isEqualTo("{\"code\":\"{{customer.id}}\",\"n\":1.5,\"list\":[true,null,{\"x\":\"y\"}]}");
  }

  @Test
  void readsTheVersionOfAPut() {
    assertThat(DistributionJson.version(json("{'version':4}"))).isEqualTo(4L);
    assertThat(DistributionJson.version(json("{}"))).isNull();
    assertRefused(() -> DistributionJson.version(json("{'version':'4'}")), "invalid_type", "version");
    assertRefused(() -> DistributionJson.version(json("{'version':0}")), "invalid_type", "version");
    assertRefused(() -> DistributionJson.version(json("{'version':1.5}")), "invalid_type", "version");
  }

  @Test
  void theCatalogueListsEveryTriggerWithItsFiltersActionsAndAudiences() {
    JsonNode data = JSON.writeCatalogue().get("data");

    assertThat(data).hasSize(26);
    JsonNode entered = data.get(0);
    assertThat(entered.get("trigger").asText()).isEqualTo("customer.segment.entered");
    assertThat(entered.get("filters")).isEqualTo(json("[{'name':'segment_id','type':'string','required':true},"
        + "{'name':'include_existing_members','type':'boolean','required':false}]"));
    assertThat(entered.get("audiences")).isEqualTo(json("['event_customer','segment']"));
    assertThat(entered.get("actions").get(0)).isEqualTo(json("{'type':'publish_code','parameters':['campaign_id'],"
        + "'audiences':['event_customer','segment'],'variables':['brand','campaign','customer','event',"
        + "'unsubscribe_url','voucher']}"));
    JsonNode manual = data.get(25);
    assertThat(manual.get("trigger").asText()).isEqualTo("manual");
    assertThat(manual.get("pattern").asBoolean()).isFalse();
  }
}
