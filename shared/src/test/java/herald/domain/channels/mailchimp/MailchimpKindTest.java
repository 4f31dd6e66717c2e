package herald.domain.channels.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Refusal;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.fakes.InMemoryIntegrations;
import herald.domain.fakes.InMemorySecretStore;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.fakes.RecordingMailchimpApi;
import herald.domain.fakes.Samples;
import herald.domain.integrations.Integration;
import herald.domain.integrations.LoadIntegration;
import herald.domain.templates.Templates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Mailchimp kind decides itself: defaults, the status of a new member, refusals, doubt. */
class MailchimpKindTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef-us14";
  private final InMemorySecretStore secrets = new InMemorySecretStore();
  private final InMemorySuppressions suppressions = new InMemorySuppressions();
  private final RecordingMailchimpApi api = new RecordingMailchimpApi();
  private final InMemoryIntegrations integrations = InMemoryIntegrations.examples();
  private final MailchimpKind kind = new MailchimpKind(new Templates(), () -> integrations,
      () -> new LoadIntegration(integrations, secrets, Map.of("mailchimp", new MailchimpCredentials())),
      () -> api, () -> suppressions);
  private final Customer ada = new Customer(Customer.idFor("src-ada"), "src-ada", "Ada", "ada@mail.example", null,
      Map.of(), Samples.T0, Samples.T0);

  MailchimpKindTest() {
    secrets.put(Integration.secretName("int_example_mailchimp"), Map.of("api_key", KEY));
  }

  @Test
  void theIntegrationAloneSendsToTheOnlyAudienceWithTheCodeAndTheDistributionsNameAsTag() {
    MailchimpChannel channel = new MailchimpChannel("int_example_mailchimp", null, null, null);

    MailchimpMember member = (MailchimpMember) kind.render(channel, context(ada, "Welcome code",
        Map.of("voucher", Map.of("code", "WELCOME-7"))));

    assertThat(member.audienceId()).isNull();
    assertThat(member.email()).isEqualTo("ada@mail.example");
    assertThat(member.mergeFields()).isEmpty();
    assertThat(member.defaultMergeFields()).isEqualTo(Map.of("CODE", "WELCOME-7"));
    assertThat(member.tags()).containsExactly("Welcome code");
    assertThat(member.access().baseUrl()).isEqualTo("https://us14.api.mailchimp.com/3.0");
    assertThat(member.access().credential("api_key")).isEqualTo(KEY);
  }

  @Test
  void otherActionsDefaultTheirOwnValuesAndALongNameIsCutToMailchimpsTagLength() {
    MailchimpChannel channel = new MailchimpChannel("int_example_mailchimp", null, null, null);

    MailchimpMember member = (MailchimpMember) kind.render(channel, context(ada, "x".repeat(120),
        Map.of("loyalty", Map.of("points", 40, "code", "LC-1"))));

    assertThat(member.defaultMergeFields()).isEqualTo(Map.of("CODE", "LC-1", "POINTS", "40"));
    assertThat(member.tags()).containsExactly("x".repeat(100));
  }

  @Test
  void theChannelsOwnMergeFieldsAndTagsReplaceTheDefaults() {
    MailchimpChannel channel = new MailchimpChannel("int_example_mailchimp", "aud1",
        Map.of("FNAME", "{{customer.name}}", "PROMO", "{{voucher.code}}"), List.of("vip"), "pending");

    MailchimpMember member = (MailchimpMember) kind.render(channel, context(ada, "Welcome code",
        Map.of("voucher", Map.of("code", "WELCOME-7"))));

    assertThat(member.audienceId()).isEqualTo("aud1");
    assertThat(member.mergeFields()).isEqualTo(Map.of("FNAME", "Ada", "PROMO", "WELCOME-7"));
    assertThat(member.defaultMergeFields()).isEmpty();
    assertThat(member.tags()).containsExactly("vip");
    assertThat(member.statusIfNew()).isEqualTo("pending");
  }

  @Test
  void aNewMemberIsSubscribedOnlyWhenTheCustomerGrantedEmailConsent() {
    MailchimpChannel channel = new MailchimpChannel("int_example_mailchimp", "aud1", null, null);
    Customer granted = ada.withConsent(Consent.EMAIL, new Consent(true, Samples.T0), Samples.T0);

    assertThat(MailchimpKind.statusIfNew(channel, granted)).isEqualTo("subscribed");
    assertThat(MailchimpKind.statusIfNew(channel, ada)).as("no answer yet").isEqualTo("transactional");
    assertThat(MailchimpKind.statusIfNew(new MailchimpChannel("int_example_mailchimp", "aud1", null, null,
        "subscribed"), ada)).as("the channel says").isEqualTo("subscribed");
  }

  @Test
  void refusesACustomerWithoutAnAddressOrConsentOrWhoseAddressIsSuppressed() {
    Customer noEmail = new Customer(Customer.idFor("src-bob"), "src-bob", "Bob", null, "+447700900123", Map.of(),
        Samples.T0, Samples.T0);
    Customer revoked = ada.withConsent(Consent.EMAIL, new Consent(false, Samples.T0), Samples.T0);

    assertThat(kind.refusal(noEmail, null)).contains(Refusal.NO_ADDRESS);
    assertThat(kind.refusal(revoked, null)).contains(Refusal.NO_CONSENT);
    assertThat(kind.refusal(ada, null)).as("no brand details needed").isEmpty();
    suppressions.add("ada@mail.example", "complaint", Samples.T0);
    assertThat(kind.refusal(ada, null)).contains(Refusal.SUPPRESSED);
  }

  @Test
  void aMessageInDoubtIsSentAgainAndAGoneIntegrationFailsForGood() {
    assertThat(kind.inDoubt()).isEqualTo(InDoubt.RESEND);

    DeliveryFailure gone = catchThrowableOfType(DeliveryFailure.class, () -> kind.render(
        new MailchimpChannel("int_gone", "aud1", null, null), context(ada, "d", Map.of())));

    assertThat(gone.permanent()).isTrue();
    assertThat(gone.reason()).isEqualTo("integration_not_found");
  }

  @Test
  void sendsThroughItsApi() {
    MailchimpMember member = (MailchimpMember) kind.render(new MailchimpChannel("int_example_mailchimp", "aud1",
        null, null), context(ada, "d", Map.of()));

    assertThat(kind.send(member)).isEqualTo("mc_msg_1");
    assertThat(api.sent()).containsExactly(member);
  }

  private static MessageContext context(Customer customer, String distributionName, Map<String, Object> values) {
    Map<String, Object> scope = new java.util.HashMap<>(values);
    scope.put("customer", Map.of("name", customer.name(), "source_id", customer.sourceId()));
    return new MessageContext("msg_1", "dist_1", distributionName, "publish_code", null, customer, null, scope,
        Map.of(), null, Instant.parse("2026-12-05T10:00:00Z"));
  }
}
