package herald.domain.channels.webhook;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlsTest {
  private static final String FIELD = "channels[0].url";
  private static final Set<String> NONE = Set.of();

  @ParameterizedTest
  @ValueSource(strings = {"https://hooks.example.com/in", "https://hooks.example.com:8443/in?x=1",
      "https://93.184.216.34/hook", "https://[2606:4700::1111]/hook", "https://cafe.example/", "https://8.8.8.8"})
  void acceptsHttpsToAPublicHost(String url) {
    assertThatCode(() -> WebhookUrls.check(url, NONE, FIELD)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://hooks.example.com/in", "http://93.184.216.34/"})
  void refusesPlainHttp(String url) {
    assertRefused(() -> WebhookUrls.check(url, NONE, FIELD), "insecure_url", FIELD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://localhost/in", "https://LOCALHOST:8443/", "https://api.localhost/",
      "https://localhost./", "https://127.0.0.1/", "https://127.1.2.3/", "https://10.0.0.1/", "https://10.255.255.255/",
      "https://172.16.0.1/", "https://172.31.255.254/", "https://192.168.1.10/", "https://169.254.169.254/latest",
      "https://[::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fe80::1]/", "https://0.0.0.0/",
      "https://[::]/", "https://224.0.0.1/", "https://255.255.255.255/", "https://100.64.0.1/",
      "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[ff02::1]/", "https://2130706433/",
      "https://0x7f000001/", "https://0177.0.0.1/", "https://[64:ff9b::a00:1]/",
      "https://[2002:a00:1::]/", "https://[::ffff:0:127.0.0.1]/", "https://192.0.2.1/",
      "https://198.51.100.1/", "https://203.0.113.1/", "https://[2001:db8::1]/", "https://[2001::1]/"})
  void refusesLocalPrivateLinkLocalAndMulticastHosts(String url) {
    assertRefused(() -> WebhookUrls.check(url, NONE, FIELD), "forbidden_host", FIELD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://172.15.0.1/", "https://172.32.0.1/", "https://192.169.0.1/", "https://11.0.0.1/",
      "https://100.128.0.1/"})
  void acceptsPublicAddressesNextToThePrivateRanges(String url) {
    assertThatCode(() -> WebhookUrls.check(url, NONE, FIELD)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "hooks.example.com/in", "mailto:x@example.com", "https:///path",
      "https://user@hooks.example.com/", "https://1.2.3.4.5/", "https://999.1.1.1/", "https://127.1/", "https://[zz::1]/", "https://hooks.example.com:0/",
      "https://hooks.example.com:65536/", "https://hooks.example.com:99999/", "https://[fe80::1%25eth0]/",
      "https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/"})
  void refusesWhatIsNotAnHttpUrlWithAHost(String url) {
    assertRefused(() -> WebhookUrls.check(url, NONE, FIELD), "invalid_url", FIELD);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:3000/hook", "https://localhost:3000/hook", "http://127.0.0.1:9000/x",
      "http://hooks.internal/x", "http://[::1]:8080/x", "http://10.0.0.5:80/x"})
  void acceptsAllowlistedHostsEvenOverHttpOrPrivate(String url) {
    Set<String> allowlist = WebhookUrls.allowlist("localhost:3000,127.0.0.1:9000,hooks.internal,[::1]:8080,10.0.0.5");

    assertThatCode(() -> WebhookUrls.check(url, allowlist, FIELD)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:3001/hook", "https://127.0.0.1/x", "http://hooks.internal.evil.example/x"})
  void anAllowlistEntryWithAPortAllowsOnlyThatPort(String url) {
    Set<String> allowlist = WebhookUrls.allowlist("localhost:3000,127.0.0.1:9000,hooks.internal");

    assertRefused(() -> WebhookUrls.check(url, allowlist, FIELD),
        url.startsWith("http:") ? "insecure_url" : "forbidden_host", FIELD);
  }
}
