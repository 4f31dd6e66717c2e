package herald.domain.channels;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import herald.adapters.json.ChannelJson;
import herald.adapters.json.DistributionJson;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.PrepareMessage;
import herald.domain.delivery.SendJob;
import herald.domain.delivery.SendToRecipient;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionDraft;
import herald.domain.distributions.DistributionRules;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.RenderPreview;
import herald.domain.events.TriggerEvent;
import herald.domain.integrations.Integration;
import herald.domain.fakes.FakeLimits;
import herald.domain.fakes.FakePatterns;
import herald.domain.fakes.InMemoryBrandSettings;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.InMemoryStatusCounters;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.fakes.NoCodes;
import herald.domain.fakes.InMemoryIntegrations;
import herald.domain.fakes.InMemorySecretStore;
import herald.domain.fakes.RecordingBrazeApi;
import herald.domain.fakes.RecordingEmailSender;
import herald.domain.fakes.RecordingIntercomApi;
import herald.domain.fakes.RecordingKlaviyoApi;
import herald.domain.fakes.RecordingMailchimpApi;
import herald.domain.fakes.RecordingSendQueue;
import herald.domain.fakes.RecordingSmsSender;
import herald.domain.fakes.RecordingWebhookSender;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import herald.domain.templates.Templates;
import herald.platform.Json;
import herald.testing.TestChannels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every channel kind bound into the registry must do, checked for each kind of the production map
 * ({@link herald.platform.ChannelsModule}, through {@link TestChannels}) with recording providers: a channel bound
 * there gets these tests without writing any. Each kind's catalogue example is the configuration the tests start
 * from. A kind that calls a provider of its own needs that port in the test component, and its recorder in
 * {@link #providerCalls()}.
 */
class ChannelContractTest {
  private static final String AT = "channels[0].";
  private final TestClock clock = new TestClock();
  private final RecordingEmailSender emails = new RecordingEmailSender();
  private final RecordingSmsSender texts = new RecordingSmsSender();
  private final RecordingWebhookSender webhooks = new RecordingWebhookSender();
  private final RecordingIntercomApi intercom = new RecordingIntercomApi();
  private final RecordingKlaviyoApi klaviyo = new RecordingKlaviyoApi();
  private final RecordingBrazeApi braze = new RecordingBrazeApi();
  private final RecordingMailchimpApi mailchimp = new RecordingMailchimpApi();
  private final ChannelKinds kinds = TestChannels.with().email(emails).sms(texts).webhooks(webhooks)
      .intercom(intercom).klaviyo(klaviyo).braze(braze).mailchimp(mailchimp).suppressions(new InMemorySuppressions())
      .clock(clock).build();
  private final DistributionRules rules = new DistributionRules(new Templates(), new FakePatterns(), kinds);
  private final ChannelJson json = new ChannelJson(kinds);
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemoryBrandSettings brand = new InMemoryBrandSettings();
  private final InMemoryMessages messages = new InMemoryMessages(clock);
  private final SendToRecipient send = new SendToRecipient(messages,
      new PrepareMessage(distributions, customers, brand,
          new UnsubscribeLinks("contract-signing-key-0123456789", "https://herald.test"), kinds, NoCodes.scope(clock)),
      kinds, new InMemoryStatusCounters(), NoCodes.escrow(messages, clock), FakeLimits.unlimited(kinds, clock),
      new RecordingSendQueue(), clock);
  private final Customer ada = new Customer(Customer.idFor("src-ada"), "src-ada", "Ada", "ada@mail.example",
      "+447700900123", Map.of(), Samples.T0, Samples.T0);

  static Stream<String> types() {
    return TestChannels.kinds().all().stream().map(ChannelKind::type);
  }

  @ParameterizedTest
  @MethodSource("types")
  void isBoundUnderItsTypeAndDescribesItself(String type) {
    Map<String, ChannelKind> map = TestChannels.with().map();
    ChannelKind kind = map.get(type);

    assertThat(kind.type()).as("the key %s is its type", type).isEqualTo(type);
    assertThat(kind.description()).as("%s: a description for the catalogue", type).isNotBlank();
    assertThat(kind.fields()).as("%s: the fields of its configuration", type).isNotEmpty();
    assertThat(kind.fields().stream().map(ChannelField::name)).as("%s: field names", type).doesNotHaveDuplicates()
        .doesNotContain("type");
    assertThat(kind.example()).as("%s: its example names its type", type).containsEntry("type", type);
    for (ChannelField field : kind.fields()) {
      assertThat(field.secret() || !field.name().matches(".*(secret|key|token|password).*"))
          .as("%s: %s reads like a credential; declare it with ChannelField.secret so it stays write-only", type,
              field.name()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void itsExampleParsesAndReadsBackFromItsStoredForm(String type) {
    Channel channel = example(type);
    Map<String, Object> stored = kinds.writeStored(channel);

    assertThat(channel.type()).isEqualTo(type);
    assertThat(stored.keySet()).as("%s: the stored form writes only declared fields", type)
        .isSubsetOf(names(type, false));
    assertThat(kinds.parse(stored, 0)).isEqualTo(channel);
    assertThat(json.parse(Json.parse(Json.write(stored)), 0)).isEqualTo(channel);
    for (ChannelField secret : secrets(type)) {
      assertThat(stored).as("%s: the stored form keeps %s", type, secret.name())
          .containsEntry(secret.name(), kind(type).example().get(secret.name()));
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void answersNeverShowASecretOnlyThatItIsSetAndReadBackAsAnEditKeepingIt(String type) {
    Channel channel = example(type);
    Map<String, Object> answer = kinds.writeAnswer(channel);
    String text = json.write(channel).toString();

    for (ChannelField secret : secrets(type)) {
      assertThat(answer).as("%s: answers say whether %s is set", type, secret.name())
          .containsEntry(secret.setFlag(), true).doesNotContainKey(secret.name());
      assertThat(text).doesNotContain((String) kind(type).example().get(secret.name()));
    }
    Channel sentBack = kinds.parse(Json.MAPPER.convertValue(Json.parse(text), Map.class), 0);
    Distribution stored = Distribution.create("dist_c", draft(channel), Samples.T0);

    assertThat(rules.checkEdit(draft(sentBack), stored).channels()).containsExactly(channel);
  }

  @ParameterizedTest
  @MethodSource("types")
  void refusesAnUnknownFieldNamingItAndTheChannelsIndex(String type) {
    Map<String, Object> config = config(type);
    config.put("not_a_field_of_" + type, "x");

    assertRefused(() -> kinds.parse(config, 2), "unknown_field", "channels[2].not_a_field_of_" + type);
  }

  @ParameterizedTest
  @MethodSource("types")
  void refusesAWrongTypeInEveryFieldNamingIt(String type) {
    for (ChannelField field : kind(type).fields()) {
      if (field.answerOnly()) continue;
      Map<String, Object> config = config(type);
      config.put(field.name(), field.type().equals("string") ? (Object) 42 : "not " + field.type());

      assertRefused(() -> kinds.parse(config, 0), "invalid_type", AT + field.name());
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void aSaveWithoutASecretItNeedsIsRefusedNamingIt(String type) {
    for (ChannelField secret : secrets(type)) {
      Map<String, Object> config = config(type);
      config.remove(secret.name());
      Channel channel = kinds.parse(config, 0);

      if (secret.required()) {
        assertRefused(() -> rules.check(draft(channel)), "missing_field", AT + secret.name());
      } else {
        assertThat(kinds.writeStored(rules.check(draft(channel)).channels().get(0)))
            .as("%s: a save without %s makes one up", type, secret.name()).containsKey(secret.name());
      }
    }
    assertThatCode(() -> rules.check(draft(example(type)))).as("%s: its example is saved", type)
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyTemplateIsCheckedWhenSaved(String type) {
    Map<String, String> templates = example(type).templates();
    assertThat(templates).as("%s: its example uses at least one template, so the contract can check them", type)
        .isNotEmpty();
    List<String> fields = kind(type).fields().stream().filter(ChannelField::template).map(ChannelField::name).toList();

    for (String path : templates.keySet()) {
      assertThat(fields).as("%s: %s is in a field marked as holding templates", type, path)
          .contains(path.split("[.\\[]", 2)[0]);
      Map<String, Object> config = config(type);
      set(config, path, "{{no_such_variable}}");

      assertRefused(() -> rules.check(draft(kinds.parse(config, 0))), "unknown_variable", AT + path);
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void aPreviewRendersEveryTemplateAndShowsNoSecret(String type) {
    Distribution distribution = Distribution.create("dist_c", draft(example(type)), Samples.T0);

    Map<String, Object> preview = new RenderPreview(kinds, new Templates(), clock).render(distribution, ada, Samples.brand(), null);

    assertThat(preview).containsOnlyKeys(type);
    String shown = Json.write(preview.get(type));
    assertThat(shown).as("%s: its preview", type).isNotEqualTo("{}").contains("Ada").doesNotContain("{{");
    for (ChannelField secret : secrets(type)) {
      assertThat(shown).doesNotContain((String) kind(type).example().get(secret.name()));
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void theCatalogueShowsItsFieldsTemplatesDoubtAndExample(String type) {
    var catalogue = new DistributionJson(json).writeCatalogue().get("channels");
    var entry = Stream.iterate(0, i -> i + 1).limit(catalogue.size()).map(catalogue::get)
        .filter(e -> e.get("type").asText().equals(type)).findFirst().orElseThrow();
    ChannelKind kind = kind(type);

    assertThat(entry.get("in_doubt").asText()).isEqualTo(kind.inDoubt().code());
    assertThat(Json.MAPPER.convertValue(entry.get("example"), Map.class)).isEqualTo(config(type));
    for (ChannelField field : kind.fields()) {
      if (field.answerOnly()) continue;
      assertThat(entry.get("fields").findValuesAsText("name")).contains(field.name());
      if (field.template()) assertThat(entry.get("templates").toString()).contains("\"" + field.name() + "\"");
    }
  }

  @ParameterizedTest
  @MethodSource("types")
  void aSendReachesItsProviderOnce(String type) {
    SendJob job = readyToSend(type);

    MessageStatus status = send.handle(job).orElseThrow();

    assertThat(status).as("%s: sent to a customer with an email address and a phone, reason %s", type,
        messages.get(job.messageId()).orElseThrow().reason()).isEqualTo(MessageStatus.SENT);
    assertThat(providerCalls()).singleElement().extracting(Outgoing::messageId).isEqualTo(job.messageId());
    assertThat(send.handle(job)).as("a job redelivered sends nothing").isEmpty();
    assertThat(providerCalls()).hasSizeLessThanOrEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("types")
  void aMessageFoundInDoubtIsSentAgainOrEndsOutcomeUnknownAsItsKindSays(String type) {
    SendJob job = readyToSend(type);
    messages.claim(Message.sending(job, clock.instant()));
    messages.calling(job.messageId());
    clock.advance(InMemoryMessages.LEASE.plusSeconds(1));

    MessageStatus status = send.handle(job).orElseThrow();

    if (kind(type).inDoubt() == InDoubt.RESEND) {
      assertThat(status).isEqualTo(MessageStatus.SENT);
      assertThat(providerCalls()).singleElement().extracting(Outgoing::messageId).isEqualTo(job.messageId());
    } else {
      assertThat(status).isEqualTo(MessageStatus.FAILED);
      assertThat(messages.get(job.messageId()).orElseThrow().reason()).isEqualTo("outcome_unknown");
      assertThat(providerCalls()).isEmpty();
    }
  }

  /** Everything the recording providers took. */
  private List<Outgoing> providerCalls() {
    List<Outgoing> calls = new ArrayList<>(emails.sent());
    calls.addAll(texts.sent());
    calls.addAll(webhooks.sent());
    calls.addAll(intercom.sent());
    calls.addAll(klaviyo.sent());
    calls.addAll(braze.sent());
    calls.addAll(mailchimp.sent());
    return calls;
  }

  /** Credentials for each example integration ({@link InMemoryIntegrations#examples()}), as a tool reads them. */

  /** An active distribution with the kind's example, the brand set and a customer with every address. */
  private SendJob readyToSend(String type) {
    brand.save(Samples.brand());
    customers.put(ada);
    distributions.create(new Distribution("dist_c", "Contract", null, DistributionStatus.ACTIVE, Samples.orderPaid(),
        Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(example(type)), 1, Samples.T0,
        Samples.T0));
    TriggerEvent paid = Samples.orderPaid("evt_c", ada);
    return new SendJob("dist_c", type, ada.id(), paid);
  }

  private ChannelKind kind(String type) {
    return kinds.get(type);
  }

  private Channel example(String type) {
    try {
      return kinds.parse(config(type), 0);
    } catch (Invalid refused) {
      throw new AssertionError(type + ": its catalogue example must be a valid configuration, but "
          + refused.getMessage() + " (" + refused.code() + ")", refused);
    }
  }

  /** The kind's example as JSON arrives in the domain, in maps and lists a test may change. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> config(String type) {
    return Json.MAPPER.convertValue(kind(type).example(), LinkedHashMap.class);
  }

  private List<ChannelField> secrets(String type) {
    return kind(type).fields().stream().filter(ChannelField::secret).toList();
  }

  private List<String> names(String type, boolean withAnswerOnly) {
    List<String> names = new ArrayList<>(List.of("type"));
    kind(type).fields().stream().filter(f -> withAnswerOnly || !f.answerOnly()).forEach(f -> names.add(f.name()));
    return names;
  }

  private static DistributionDraft draft(Channel channel) {
    return new DistributionDraft("Contract", null, Samples.orderPaid(), Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), List.of(channel));
  }

  /** Sets the value at a template's path under the channel ({@code payload.body.items[0]}). */
  @SuppressWarnings("unchecked")
  private static void set(Map<String, Object> config, String path, Object value) {
    Matcher step = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(path);
    List<Object> steps = new ArrayList<>();
    while (step.find()) steps.add(step.group(1) != null ? step.group(1) : (Object) Integer.parseInt(step.group(2)));
    Object node = config;
    for (int i = 0; i < steps.size(); i++) {
      Object key = steps.get(i);
      boolean last = i == steps.size() - 1;
      if (node instanceof Map<?, ?> map) {
        if (last) ((Map<String, Object>) map).put((String) key, value);
        else node = map.get(key);
      } else {
        if (last) ((List<Object>) node).set((Integer) key, value);
        else node = ((List<?>) node).get((Integer) key);
      }
    }
  }
}
