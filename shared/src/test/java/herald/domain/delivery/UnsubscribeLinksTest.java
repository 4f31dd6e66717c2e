package herald.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class UnsubscribeLinksTest {
  private static final String KEY = "a-signing-key-of-some-length";
  private final UnsubscribeLinks links = new UnsubscribeLinks(KEY, "https://api.herald.example/");

  @Test
  void aLinkNamesTheCustomerAndCarriesTheHmacOfThePurposeAndTheId() throws Exception {
    String url = links.urlFor("cust_1");

    URI uri = URI.create(url);
    assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath()).isEqualTo("https://api.herald.example/v1/unsubscribe");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal("unsubscribe|email|cust_1".getBytes(StandardCharsets.UTF_8)));
    assertThat(uri.getQuery()).isEqualTo("c=cust_1&s=" + expected);
    assertThat(links.verify("cust_1", expected)).isTrue();
  }

  @Test
  void aSignatureIsRefusedForAnotherCustomerAnotherKeyOrWhenTampered() {
    String signature = links.sign("cust_1");

    assertThat(links.verify("cust_2", signature)).isFalse();
    assertThat(new UnsubscribeLinks("another-signing-key-here", null).verify("cust_1", signature)).isFalse();
    assertThat(links.verify("cust_1", signature.substring(1))).isFalse();
    assertThat(links.verify("cust_1", signature.toUpperCase())).isFalse();
    assertThat(links.verify("cust_1", HexFormat.of().formatHex(new byte[32]))).isFalse();
    assertThat(links.verify("cust_1", "")).isFalse();
    assertThat(links.verify("cust_1", null)).isFalse();
    assertThat(links.verify(null, signature)).isFalse();
    assertThat(links.verify("", signature)).isFalse();
  }

  @Test
  void theSignatureIsUrlSafe() {
    for (int i = 0; i < 200; i++) assertThat(links.sign("cust_" + i)).matches("[A-Za-z0-9_-]{43}");
  }

  @Test
  void aShortKeyOrAMissingBaseUrlIsAConfigurationError() {
    assertThatThrownBy(() -> new UnsubscribeLinks("short", "https://x.example")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnsubscribeLinks((String) null, "https://x.example")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnsubscribeLinks(KEY, null).urlFor("cust_1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCustomerIdIsEncodedInTheUrl() {
    assertThat(links.urlFor("cust a&b")).contains("c=cust+a%26b&");
  }
}
