package herald.domain.channels;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.channels.webhook.WebhookSignature;
import herald.testing.TestChannels;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every channel's settings: a good one accepted, each bad field refused with its field. */
class ChannelValidationTest {
  private static final ChannelKinds KINDS = TestChannels.kinds();
  private static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3";

  private static Map<String, String> many(int n) {
    Map<String, String> map = new LinkedHashMap<>();
    IntStream.range(0, n).forEach(i -> map.put("n" + i, "{{customer.name}}"));
    return map;
  }

  @Nested
  class Email {
    @Test
    void needsASubjectAndABody() {
      assertRefused(() -> new EmailChannel(" ", "<p>x</p>", null), "missing_field", "channels[].subject");
      assertRefused(() -> new EmailChannel("Hi", null, " "), "missing_field", "channels[].html");
      assertThat(new EmailChannel("Hi", null, "text only").html()).isNull();
      assertThat(new EmailChannel("Hi", "<p>html only</p>", null).text()).isNull();
    }

    @Test
    void limitsTheSubjectTo998Characters() {
      assertRefused(() -> new EmailChannel("s".repeat(999), "<p>x</p>", null), "too_long", "channels[].subject");
      assertThat(new EmailChannel("s".repeat(998), "<p>x</p>", null).subject()).hasSize(998);
    }

    @Test
    void listsItsTemplatesByField() {
      assertThat(new EmailChannel("S", "<p>H</p>", null).templates())
          .containsExactly(Map.entry("subject", "S"), Map.entry("html", "<p>H</p>"));
    }
  }

  @Nested
  class Sms {
    @Test
    void acceptsATextWithDefaults() {
      SmsChannel sms = new SmsChannel("Hi {{customer.name}}", null, null);

      assertThat(sms.smsType()).isEqualTo("promotional");
      assertThat(sms.senderId()).isNull();
      assertThat(sms.segments()).isEqualTo(1);
      assertThat(new SmsChannel("x", "transactional", "Acme2").smsType()).isEqualTo("transactional");
    }

    @Test
    void needsATextOfAtMost1600Characters() {
      assertRefused(() -> new SmsChannel(" ", null, null), "missing_field", "channels[].text");
      assertRefused(() -> new SmsChannel("x".repeat(1601), null, null), "too_long", "channels[].text");
      assertThat(new SmsChannel("x".repeat(1600), null, null).segments()).isEqualTo(11);
    }

    @Test
    void refusesAnUnknownType() {
      assertRefused(() -> new SmsChannel("x", "marketing", null), "invalid_value", "channels[].sms_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "Acme Shop", "AcmeShopOnline", "Acme-1", "Äcme"})
    void refusesASenderIdThatIsNotOneToElevenAlphanumericsWithALetter(String senderId) {
      assertRefused(() -> new SmsChannel("x", null, senderId), "invalid_value", "channels[].sender_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A", "Acme", "ACME2025", "abcdefghijk"})
    void acceptsAnAlphanumericSenderId(String senderId) {
      assertThat(new SmsChannel("x", null, senderId).senderId()).isEqualTo(senderId);
    }
  }

  @Nested
  class Webhook {
    @Test
    void acceptsAUrlASecretHeadersAndTheEnvelopeByDefault() {
      WebhookChannel webhook = new WebhookChannel("https://hooks.example.com/in", SECRET, Map.of("X-Team", "growth"),
          null);

      assertThat(webhook.payload()).isEqualTo(WebhookPayload.ENVELOPE);
      assertThat(webhook.templates()).isEmpty();
      assertThatCode(() -> KINDS.checkForSave(webhook, "channels[0].")).doesNotThrowAnyException();
      assertThat(webhook.toString()).doesNotContain(SECRET);
    }

    @Test
    void needsAnAbsoluteHttpUrl() {
      assertRefused(() -> new WebhookChannel(null, SECRET, null, null), "missing_field", "channels[].url");
      assertRefused(() -> new WebhookChannel("hooks.example.com/in", SECRET, null, null), "invalid_url", "channels[].url");
      assertRefused(() -> new WebhookChannel("ftp://hooks.example.com", SECRET, null, null), "invalid_url",
          "channels[].url");
      assertRefused(() -> new WebhookChannel("https://exa mple.com", SECRET, null, null), "invalid_url",
          "channels[].url");
      assertRefused(() -> new WebhookChannel("https://user:pw@example.com", SECRET, null, null), "invalid_url",
          "channels[].url");
      assertRefused(() -> new WebhookChannel("https://example.com/" + "p".repeat(2048), SECRET, null, null), "too_long",
          "channels[].url");
    }

    @Test
    void aSecretIsOptionalAndMustBeAStandardWebhooksSecret() {
      assertThatCode(() -> KINDS.checkForSave(new WebhookChannel("https://example.com", null, null, null),
          "channels[0].")).doesNotThrowAnyException();
      for (String bad : List.of("short", "s".repeat(40), "whsec_c2hvcnQ=", "whsec_not base64!",
          "whsec_" + "A".repeat(88))) {
        assertRefused(() -> new WebhookChannel("https://example.com", bad, null, null), "invalid_value",
            "channels[].secret");
      }
      String generated = WebhookSignature.generate();
      assertThat(new WebhookChannel("https://example.com", generated, null, null).secret()).isEqualTo(generated);
    }

    @Test
    void aChannelSavedWithoutASecretGetsAGeneratedOneShownOnceInTheAnswer() {
      WebhookChannel given = new WebhookChannel("https://example.com", null, null, null);

      WebhookChannel saved = (WebhookChannel) KINDS.completeForSave(given);

      assertThat(saved.secret()).startsWith("whsec_");
      assertThat(KINDS.writeAnswer(saved)).containsEntry("secret", saved.secret()).containsEntry("secret_set", true);
      WebhookChannel readBack = (WebhookChannel) KINDS.parseStored(KINDS.writeStored(saved), 0);
      assertThat(readBack.secret()).isEqualTo(saved.secret());
      assertThat(KINDS.writeAnswer(readBack)).doesNotContainKey("secret").containsEntry("secret_set", true);
      WebhookChannel own = new WebhookChannel("https://example.com", SECRET, null, null);
      assertThat(KINDS.completeForSave(own)).isSameAs(own);
      assertThat(KINDS.writeAnswer(own)).doesNotContainKey("secret");
    }

    @Test
    void aRotationKeepsTheOldSecretSigningFor24HoursStoredButNeverShown() {
      Instant now = Instant.parse("2026-12-01T10:00:00Z");
      WebhookChannel stored = new WebhookChannel("https://example.com", SECRET, null, null);

      WebhookChannel rotated = (WebhookChannel) KINDS.rotateSecret(stored, now);

      assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(SECRET);
      assertThat(rotated.signingSecrets(now)).containsExactly(rotated.secret(), SECRET);
      assertThat(rotated.signingSecrets(now.plus(Duration.ofHours(24)).minusSeconds(1)))
          .containsExactly(rotated.secret(), SECRET);
      assertThat(rotated.signingSecrets(now.plus(Duration.ofHours(24)))).containsExactly(rotated.secret());
      assertThat(KINDS.writeAnswer(rotated)).containsEntry("secret", rotated.secret())
          .containsEntry("rotation_overlap_ends_at", "2026-12-02T10:00:00Z").doesNotContainKey("previous_secret")
          .doesNotContainValue(SECRET);
      WebhookChannel readBack = (WebhookChannel) KINDS.parseStored(KINDS.writeStored(rotated), 0);
      assertThat(readBack.signingSecrets(now)).containsExactly(rotated.secret(), SECRET);
      WebhookChannel editedWithoutSecret = new WebhookChannel("https://example.com/new", null, null, null);
      assertThat(((WebhookChannel) KINDS.keepSecrets(editedWithoutSecret, readBack)).signingSecrets(now))
          .containsExactly(rotated.secret(), SECRET);
      assertRefused(() -> KINDS.parse(Map.of("type", "webhook", "url", "https://example.com",
          "previous_secret", SECRET), 0), "unknown_field", "channels[0].previous_secret");
      assertRefused(() -> KINDS.rotateSecret(new EmailChannel("s", null, "t"), now), "not_rotatable", "index");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "content-length", "X-Herald-Signature", "x-herald-anything", "Connection",
        "webhook-id", "Webhook-Timestamp", "webhook-signature", "Idempotency-Key", "Content-Type"})
    void refusesHeadersHeraldSets(String name) {
      assertRefused(() -> new WebhookChannel("https://example.com", SECRET, Map.of(name, "v"), null),
          "forbidden_header", "channels[].headers." + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Header", "x:y", "é", ""})
    void refusesHeaderNamesThatAreNotTokens(String name) {
      assertRefused(() -> new WebhookChannel("https://example.com", SECRET, Map.of(name, "v"), null),
          "invalid_value", "channels[].headers." + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-B: b", "a\rb", "a\nb", "a\u0000b", "a\u0001b", "a\u001fb", "a\u007fb",
        "a\u0085b", "a\u009fb", "a\tb"})
    void refusesControlCharactersInHeaderValues(String value) {
      assertRefused(() -> new WebhookChannel("https://example.com", SECRET, Map.of("X-A", value), null),
          "invalid_characters", "channels[].headers.X-A");
      assertRefused(() -> KINDS.parse(Map.of("type", "webhook", "url", "https://example.com",
          "headers", Map.of("X-A", value)), 2), "invalid_characters", "channels[2].headers.X-A");
    }

    @Test
    void refusesHeaderValuesOnSeveralLinesAndMoreThan20Headers() {
      assertRefused(() -> new WebhookChannel("https://example.com", SECRET, Map.of("X-A", "a\r\nX-B: b"), null),
          "invalid_characters", "channels[].headers.X-A");
      Map<String, String> headers = new HashMap<>();
      IntStream.range(0, 21).forEach(i -> headers.put("X-H" + i, "v"));
      assertRefused(() -> new WebhookChannel("https://example.com", SECRET, headers, null), "too_many",
          "channels[].headers");
      headers.remove("X-H0");
      assertThat(new WebhookChannel("https://example.com", SECRET, headers, null).headers()).hasSize(20);
    }

    @Test
    void refusesTheSameHeaderTwiceInAnyCase() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Team", "a");
      headers.put("x-team", "b");
      assertRefused(() -> new WebhookChannel("https://example.com", SECRET, headers, null), "invalid_value",
          "channels[].headers.x-team");
    }

    @Test
    void aCustomPayloadNeedsABodyAndListsItsStringsAsTemplates() {
      WebhookPayload custom = WebhookPayload.custom(Map.of("code", "{{voucher.code}}",
          "lines", List.of("{{customer.name}}", 3, Map.of("deep", "{{event.id}}")), "n", 1));
      WebhookChannel webhook = new WebhookChannel("https://example.com", SECRET, null, custom);

      assertThat(webhook.templates()).containsOnly(Map.entry("payload.body.code", "{{voucher.code}}"),
          Map.entry("payload.body.lines[0]", "{{customer.name}}"),
          Map.entry("payload.body.lines[2].deep", "{{event.id}}"));
      assertRefused(() -> new WebhookPayload("custom", null), "missing_field", "channels[].payload.body");
      assertRefused(() -> new WebhookPayload("envelope", Map.of()), "unknown_field", "channels[].payload.body");
      assertRefused(() -> new WebhookPayload("xml", null), "invalid_value", "channels[].payload.type");
      assertThat(WebhookPayload.custom("just {{customer.id}}").templates())
          .containsExactly(Map.entry("payload.body", "just {{customer.id}}"));
    }

    @Test
    void keepsTheStoredSecretWhenGivenNone() {
      WebhookChannel stored = new WebhookChannel("https://example.com/old", SECRET, null, null);
      WebhookChannel edited = new WebhookChannel("https://example.com/new", null, null, null);

      assertThat(KINDS.keepSecrets(edited, stored))
          .isEqualTo(new WebhookChannel("https://example.com/new", SECRET, null, null));
      WebhookChannel rotated = new WebhookChannel("https://example.com/new", "whsec_YW5vdGhlci1zZWNyZXQtMDEyMzQ1Njc4OQ==", null, null);
      assertThat(KINDS.keepSecrets(rotated, stored)).isEqualTo(rotated);
      assertThat(KINDS.keepSecrets(edited, new EmailChannel("s", null, "t"))).isEqualTo(edited);
    }
  }

  /** The marketing tools name a saved integration, which must exist and be of their tool when saved. */
  @Nested
  class Integrations {
    @Test
    void aToolChannelNeedsAnExistingIntegrationOfItsTool() {
      assertRefused(() -> KINDS.checkForSave(new BrazeChannel(null, null, null), "channels[0]."), "missing_field",
          "channels[0].integration_id");
      assertRefused(() -> KINDS.checkForSave(new KlaviyoChannel("int_nope", null, null), "channels[1]."),
          "unknown_integration", "channels[1].integration_id");
      assertRefused(() -> KINDS.checkForSave(new IntercomChannel("int_example_klaviyo", null, null), "channels[0]."),
          "integration_tool_mismatch", "channels[0].integration_id");
      assertThatCode(() -> KINDS.checkForSave(new MailchimpChannel("int_example_mailchimp", "a1", null, null),
          "channels[0].")).doesNotThrowAnyException();
    }

    @Test
    void theIntegrationAloneIsEnoughWhereTheToolHasADefault() {
      Map<String, Object> klaviyo = Map.of("type", "klaviyo", "integration_id", "int_example_klaviyo");
      Map<String, Object> intercom = Map.of("type", "intercom", "integration_id", "int_example_intercom");
      Map<String, Object> braze = Map.of("type", "braze", "integration_id", "int_example_braze");

      assertThat(((KlaviyoChannel) KINDS.parse(klaviyo, 0)).metric()).isNull();
      assertThat(((IntercomChannel) KINDS.parse(intercom, 0)).eventName()).isNull();
      assertThat(((BrazeChannel) KINDS.parse(braze, 0)).externalIdField()).isEqualTo("source_id");
      assertThat(KINDS.writeStored(KINDS.parse(klaviyo, 0))).isEqualTo(Map.of("type", "klaviyo",
          "integration_id", "int_example_klaviyo", "properties", Map.of()));
    }

    @Test
    void credentialsAreNoLongerChannelFields() {
      assertRefused(() -> KINDS.parse(Map.of("type", "klaviyo", "integration_id", "int_example_klaviyo",
          "api_key", "pk_abc"), 0), "unknown_field", "channels[0].api_key");
      assertRefused(() -> KINDS.parse(Map.of("type", "braze", "integration_id", "int_example_braze",
          "rest_endpoint", "https://rest.iad-01.braze.com"), 0), "unknown_field", "channels[0].rest_endpoint");
    }

    @Test
    void aChannelStoredWithItsOwnCredentialsReadsBackWithoutThem() {
      Map<String, Object> stored = Map.of("type", "intercom", "access_token", "tok_old", "region", "eu",
          "event_name", "e");

      IntercomChannel read = (IntercomChannel) KINDS.parseStored(stored, 0);

      assertThat(read).isEqualTo(new IntercomChannel(null, "e", null));
      assertThat(KINDS.writeStored(read).toString()).doesNotContain("tok_old");
    }
  }

  @Nested
  class Braze {
    @Test
    void acceptsAnIntegrationAnIdFieldAndAttributes() {
      BrazeChannel braze = new BrazeChannel("int_example_braze", null, Map.of("first_name", "{{customer.name}}"));

      assertThat(braze.externalIdField()).isEqualTo("source_id");
      assertThat(braze.integration()).isEqualTo("int_example_braze");
      assertThat(braze.templates()).containsExactly(Map.entry("attributes.first_name", "{{customer.name}}"));
    }

    @Test
    void refusesBadSettings() {
      assertRefused(() -> new BrazeChannel("int_1", "email", null), "invalid_value", "channels[].external_id_field");
      assertRefused(() -> new BrazeChannel("int_1", null, many(51)), "too_many", "channels[].attributes");
      assertThat(new BrazeChannel("int_1", null, many(50)).attributes()).hasSize(50);
      assertRefused(() -> new BrazeChannel("int_1", null, Map.of(" ", "x")), "invalid_value",
          "channels[].attributes. ");
      assertRefused(() -> new BrazeChannel(" ", null, null), "missing_field", "channels[].integration_id");
    }
  }

  @Nested
  class Mailchimp {
    @Test
    void acceptsAnAudienceMergeFieldsAndTags() {
      MailchimpChannel mailchimp = new MailchimpChannel("int_m", "a1b2c3d4e5", Map.of("FNAME", "{{customer.name}}"),
          List.of("vip", "welcome"));

      assertThat(mailchimp.templates()).containsExactly(Map.entry("merge_fields.FNAME", "{{customer.name}}"));
    }

    @Test
    void needsOnlyItsIntegrationEverythingElseHasADefault() {
      MailchimpChannel mailchimp = new MailchimpChannel("int_m", null, null, null);

      assertThat(mailchimp.audienceId()).isNull();
      assertThat(mailchimp.mergeFields()).isEmpty();
      assertThat(mailchimp.tags()).isEmpty();
      assertThat(mailchimp.statusIfNew()).isNull();
    }

    @Test
    void refusesBadSettings() {
      assertRefused(() -> new MailchimpChannel("int_m", "a1", null, null, "unsubscribed"), "invalid_value",
          "channels[].status_if_new");
      assertRefused(() -> new MailchimpChannel("int_m", "a b", null, null), "invalid_value",
          "channels[].audience_id");
      assertRefused(() -> new MailchimpChannel("int_m", "a1", Map.of("fname", "x"), null), "invalid_value",
          "channels[].merge_fields.fname");
      assertRefused(() -> new MailchimpChannel("int_m", "a1", Map.of("ELEVENCHARS", "x"), null),
          "invalid_value", "channels[].merge_fields.ELEVENCHARS");
      assertRefused(() -> new MailchimpChannel("int_m", "a1", null,
          IntStream.range(0, 21).mapToObj(i -> "t" + i).toList()), "too_many", "channels[].tags");
      assertRefused(() -> new MailchimpChannel("int_m", "a1", null, List.of("a", " ")), "missing_field",
          "channels[].tags[1]");
      assertRefused(() -> new MailchimpChannel("int_m", "a1", null, List.of("a", "a")), "invalid_value",
          "channels[].tags[1]");
    }
  }

  @Nested
  class Klaviyo {
    @Test
    void acceptsAMetricAndProperties() {
      KlaviyoChannel klaviyo = new KlaviyoChannel("int_k", "Code received", Map.of("code", "{{voucher.code}}"));

      assertThat(klaviyo.templates()).containsExactly(Map.entry("properties.code", "{{voucher.code}}"));
    }

    @Test
    void refusesBadSettings() {
      assertRefused(() -> new KlaviyoChannel("int_k", " ", null), "missing_field", "channels[].metric");
      assertRefused(() -> new KlaviyoChannel("int_k", "m".repeat(129), null), "too_long", "channels[].metric");
      assertRefused(() -> new KlaviyoChannel("int_k", "m", many(51)), "too_many", "channels[].properties");
    }
  }

  @Nested
  class Intercom {
    @Test
    void acceptsAnEventAndMetadata() {
      IntercomChannel intercom = new IntercomChannel("int_i", "got-code", Map.of("code", "{{voucher.code}}"));

      assertThat(intercom.templates()).containsExactly(Map.entry("metadata.code", "{{voucher.code}}"));
    }

    @Test
    void refusesBadSettings() {
      assertRefused(() -> new IntercomChannel("int_i", " ", null), "missing_field", "channels[].event_name");
      assertRefused(() -> new IntercomChannel("int_i", "e", many(11)), "too_many", "channels[].metadata");
      assertThat(new IntercomChannel("int_i", "e", many(10)).metadata()).hasSize(10);
      assertRefused(() -> new IntercomChannel("int_i", "e", Map.of("k", "x".repeat(10_001))), "too_long",
          "channels[].metadata.k");
    }
  }

  @Test
  void channelsAtNamesTheIndexOfTheChannelAtFault() {
    assertRefused(() -> ChannelSettings.at(3, () -> new SmsChannel(null, null, null)), "missing_field", "channels[3].text");
  }
}
