package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookPayload;
import herald.domain.distributions.Distribution;
import herald.platform.Json;
import herald.testing.TestChannels;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The distributions Herald stored before channels were plug-ins (schema v1, {@code herald/stored/v1}) read with
 * the channel kinds, and written back to the very same document: the stored form of every channel keeps today's
 * field names, secrets included.
 */
class StoredDistributionsV1Test {
  private final DistributionJson json = TestChannels.distributionJson();

  private static List<String> documents() throws IOException {
    try (InputStream in = StoredDistributionsV1Test.class.getResourceAsStream("/herald/stored/v1/distributions.json")) {
      List<String> docs = new ArrayList<>();
      for (JsonNode item : Json.MAPPER.readTree(in)) docs.add(item.get("doc").get("S").asText());
      return docs;
    }
  }

  private Distribution read(String id) throws IOException {
    return documents().stream().map(Json::parse).filter(doc -> doc.get("id").asText().equals(id))
        .map(json::readStored).findFirst().orElseThrow();
  }

  @Test
  void everyStoredDocumentReadsAndIsWrittenBackUnchanged() throws IOException {
    List<String> docs = documents();

    assertThat(docs).hasSize(3);
    for (String doc : docs) {
      assertThat(json.writeStored(json.readStored(Json.parse(doc))).toString()).isEqualTo(doc);
    }
  }

  @Test
  void theChannelsHeraldDeliversReadWithTheirSecrets() throws IOException {
    assertThat(read("dist_v1_auto").channels()).containsExactly(
        new EmailChannel("You earned {{loyalty.points}}", "<p>Hi {{customer.name}}</p>", "Hi {{customer.name}}"),
        new SmsChannel("{{loyalty.points}} points", "transactional", "Acme"),
        new WebhookChannel("https://hooks.example.com/herald", "whsec-0123456789abcdef", Map.of("X-Team", "growth"),
            WebhookPayload.ENVELOPE));
  }

  @Test
  void theMarketingToolsReadWithTheirKeys() throws IOException {
    assertThat(read("dist_v1_tools").channels()).containsExactly(
        new BrazeChannel("https://rest.iad-01.braze.com", "braze-key-1", "source_id", Map.of("code", "{{voucher.code}}")),
        new MailchimpChannel("0123456789abcdef0123456789abcdef-us21", "aud123", Map.of("CODE", "{{voucher.code}}"),
            List.of("welcome")),
        new KlaviyoChannel("pk_abcdef", "Welcome code", Map.of("code", "{{voucher.code}}")),
        new IntercomChannel("tok_intercom", "eu", "welcome-code", Map.of("code", "{{voucher.code}}")),
        new WebhookChannel("https://hooks.example.com/custom", "whsec-abcdef0123456789", Map.of(),
            WebhookPayload.custom(Map.of("code", "{{voucher.code}}", "items", List.of("{{customer.name}}", 3, true)))));
  }
}
