package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import herald.adapters.dynamodb.DynamoDbCampaigns;
import herald.adapters.dynamodb.DynamoDbCodes;
import herald.domain.campaigns.QrLinks;
import herald.domain.common.SigningKey;
import herald.platform.Json;
import herald.testing.StandIns;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /v1/qr: a voucher's signed link answers its code as a PNG QR image, with no key; nothing else does. */
class QrApiTest {
  private final StandInApi api = new StandInApi();
  private final QrLinks links = new QrLinks(new SigningKey(api.env.get("HERALD_SIGNING_KEY")),
      api.env.get("HERALD_PUBLIC_URL"));

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aPublicationsQrLinkAnswersItsCodeAsAQrImageWithoutAKey() throws Exception {
    String campaign = Json.parse(api.call("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":"
        + "\"DISCOUNT_VOUCHERS\"}").getBody()).path("id").asText();
    new DynamoDbCodes(StandIns.dynamo(api.env), api.env.get("CODES_TABLE")).add(campaign, List.of("WELCOME-7QXK"), "act_test#0",
        Instant.now());
    new DynamoDbCampaigns(StandIns.dynamo(api.env), api.env.get("CAMPAIGNS_TABLE")).count(campaign, 1, 0);
    JsonNode published = Json.parse(api.call("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign
        + "\",\"customer\":{\"source_id\":\"ada\"}}").getBody());
    String url = published.path("voucher").path("qr_url").asText();
    assertThat(url).startsWith(api.env.get("HERALD_PUBLIC_URL") + "/v1/qr?code=WELCOME-7QXK&s=");

    APIGatewayV2HTTPResponse image = noKey(pathAndQuery(url));

    assertThat(image.getStatusCode()).isEqualTo(200);
    assertThat(image.getHeaders()).containsEntry("content-type", "image/png");
    assertThat(image.getIsBase64Encoded()).isTrue();
    BufferedImage png = png(image);
    assertThat(png.getWidth()).isEqualTo(256);
    assertThat(decode(png)).isEqualTo("WELCOME-7QXK");
  }

  @Test
  void sizeIsBoundedFrom64To1024Pixels() throws Exception {
    String link = pathAndQuery(links.urlFor("SPRING-2026"));
    for (int size : new int[] {64, 300, 1024}) {
      BufferedImage png = png(noKey(link + "&size=" + size));
      assertThat(png.getWidth()).isEqualTo(size);
      assertThat(decode(png)).isEqualTo("SPRING-2026");
    }
    for (String size : new String[] {"63", "1025", "0", "-5", "big", "2.5", "99999999999"}) {
      APIGatewayV2HTTPResponse refused = noKey(link + "&size=" + size);
      assertThat(refused.getStatusCode()).as(size).isEqualTo(400);
      assertThat(Json.parse(refused.getBody()).path("field").asText()).isEqualTo("size");
    }
  }

  @Test
  void aTamperedOrForeignLinkIsNotFoundWhetherOrNotItsCodeExists() {
    String link = pathAndQuery(links.urlFor("SPRING-2026"));
    String signature = link.substring(link.indexOf("&s=") + 3);
    String foreign = new QrLinks(new SigningKey("another-signing-key-0123"), "https://x.example").urlFor("SPRING-2026");
    for (String tampered : List.of(
        link.replace("SPRING-2026", "SPRING-2027"),                     // another code, this one's signature
        link.replace(signature, signature.substring(1)),
        link.replace("&s=" + signature, ""),
        "/v1/qr?s=" + signature,
        pathAndQuery(foreign),
        pathAndQuery(links.urlFor("SPRING-2026")).replace("SPRING-2026", "spring-2026"))) {
      APIGatewayV2HTTPResponse refused = noKey(tampered);
      assertThat(refused.getStatusCode()).as(tampered).isEqualTo(404);
      assertThat(refused.getBody()).doesNotContain("SPRING").doesNotContain("spring");
    }
    assertThat(noKey(link).getStatusCode()).isEqualTo(200);
  }

  /** The link's path and query, as a client that follows it sends them. */
  private static String pathAndQuery(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private APIGatewayV2HTTPResponse noKey(String pathAndQuery) {
    Map<String, String> none = new HashMap<>();
    none.put("authorization", null);
    return api.call("GET", pathAndQuery, null, none);
  }

  private static BufferedImage png(APIGatewayV2HTTPResponse response) throws Exception {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(response.getBody())));
  }

  private static String decode(BufferedImage image) throws Exception {
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
  }
}
