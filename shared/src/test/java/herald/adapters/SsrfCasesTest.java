package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.http.SsrfGuard;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.common.Invalid;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A table of tricky webhook URLs, each tried at both checks: when the distribution is saved
 * ({@link WebhookUrls#check}) and when it is sent ({@link SsrfGuard}, after a stand-in DNS answers what hostile
 * names resolve to). A URL that must be refused and passes both is a bypass; the goal is none. Public URLs must
 * pass both. The counts are printed for the closing note.
 */
class SsrfCasesTest {
  private static final List<String> MUST_BE_REFUSED = List.of(
      // IPv4 loopback in every spelling inet_aton and browsers take
      "https://127.0.0.1/", "https://2130706433/", "https://0x7f.1/", "https://127.1/", "https://0177.0.0.1/",
      "https://0x7f000001/", "https://017700000001/", "https://127.000.000.001/", "https://0x7f.0x0.0x0.0x1/",
      "https://0177.1/", "https://127.0.0.1./", "https://0/", "https://0.0.0.0/",
      // cloud metadata
      "https://169.254.169.254/latest/meta-data/", "https://2852039166/", "https://0251.0376.0251.0376/",
      "https://[::ffff:169.254.169.254]/", "https://[::ffff:a9fe:a9fe]/",
      // private, shared, documentation, benchmarking, special, multicast, reserved, broadcast
      "https://10.0.0.1/", "https://172.16.0.1/", "https://192.168.0.1/", "https://100.64.0.1/",
      "https://192.0.2.1/", "https://198.51.100.7/", "https://203.0.113.9/", "https://198.18.0.1/",
      "https://198.19.255.255/", "https://192.0.0.170/", "https://192.88.99.1/", "https://224.0.0.1/",
      "https://240.0.0.1/", "https://255.255.255.255/",
      // IPv6 forms
      "https://[::1]/", "https://[::]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:127.0.0.1]/",
      "https://[::ffff:7f00:1]/", "https://[::ffff:0:127.0.0.1]/", "https://[0:0:0:0:0:ffff:127.0.0.1]/",
      "https://[::127.0.0.1]/", "https://[64:ff9b::127.0.0.1]/", "https://[64:ff9b::a9fe:a9fe]/",
      "https://[64:ff9b:1::a00:1]/", "https://[2002:7f00:1::]/", "https://[2001::1]/",
      "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "https://[2001:db8::1]/", "https://[3fff::1]/",
      "https://[fe80::1]/", "https://[fe80::1%25eth0]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
      "https://[fec0::1]/", "https://[ff02::1]/", "https://[2001:10::1]/", "https://[2001:20::1]/",
      "https://[2001:2::1]/", "https://[100::1]/", "https://[5f00::1]/",
      // names meaning loopback, userinfo tricks, ports, IDN, schemes
      "https://localhost/", "https://LOCALHOST./", "https://api.localhost/", "https://good.example@127.0.0.1/",
      "https://127.0.0.1:443@good.example/", "https://good.example:0/", "https://good.example:65536/",
      "https://good.example:99999/", "https://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/", "https://１２７.０.０.１/", "http://127.0.0.1/",
      "gopher://127.0.0.1:25/", "file:///etc/passwd", "https://127.0.0.1\\@good.example/",
      // names whose DNS answers are not public (refused when sent)
      "https://localtest.me/", "https://127.0.0.1.nip.io/", "https://metadata.google.internal/",
      "https://rebind.example/", "https://mapped.example/", "https://nat64.example/", "https://teredo.example/");

  private static final List<String> MUST_PASS = List.of("https://hooks.example.com/in", "https://93.184.216.34/",
      "https://[2606:4700::1111]/", "https://8.8.8.8:8443/", "https://[64:ff9b::808:808]/",
      "https://xn--mnchen-3ya.de/hook", "https://hooks.example.com:65535/");

  private static final Map<String, List<String>> DNS = Map.of(
      "localtest.me", List.of("127.0.0.1"), "127.0.0.1.nip.io", List.of("127.0.0.1"),
      "metadata.google.internal", List.of("169.254.169.254"), "rebind.example", List.of("8.8.8.8", "10.0.0.1"),
      "mapped.example", List.of("::ffff:127.0.0.1"), "nat64.example", List.of("64:ff9b::a9fe:a9fe"),
      "teredo.example", List.of("2001::1"));

  @Test
  void noTrickyUrlPassesBothChecks() {
    SsrfGuard guard = new SsrfGuard(SsrfCasesTest::resolve, Set.of());
    List<String> bypasses = new ArrayList<>();
    for (String url : MUST_BE_REFUSED) {
      if (passesSave(url) && passesSend(guard, url)) bypasses.add(url);
    }
    List<String> wronglyRefused = MUST_PASS.stream().filter(url -> !passesSave(url) || !passesSend(guard, url))
        .toList();

    System.out.printf("SSRF cases tried: %d (%d must be refused, %d must pass); bypasses: %d; public ones refused:"
        + " %d%n", MUST_BE_REFUSED.size() + MUST_PASS.size(), MUST_BE_REFUSED.size(), MUST_PASS.size(),
        bypasses.size(), wronglyRefused.size());
    assertThat(MUST_BE_REFUSED).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    assertThat(bypasses).as("bypasses").isEmpty();
    assertThat(wronglyRefused).as("public URLs refused").isEmpty();
  }

  @Test
  void everyLiteralIsRefusedWhenSavedAlreadyWithACodeAndTheField() {
    long refusedAtSave = MUST_BE_REFUSED.stream().filter(url -> !DNS.containsKey(host(url)))
        .filter(url -> !passesSave(url)).count();

    assertThat(refusedAtSave).isEqualTo(MUST_BE_REFUSED.stream().filter(url -> !DNS.containsKey(host(url))).count());
  }

  private static boolean passesSave(String url) {
    try {
      WebhookUrls.check(url, Set.of(), "channels[0].url");
      return true;
    } catch (Invalid e) {
      assertThat(e.code()).isIn("invalid_url", "insecure_url", "forbidden_host");
      assertThat(e.field()).isEqualTo("channels[0].url");
      return false;
    }
  }

  private static boolean passesSend(SsrfGuard guard, String url) {
    try {
      guard.check(url);
      return true;
    } catch (DeliveryFailure e) {
      return false;
    }
  }

  private static List<InetAddress> resolve(String host) throws UnknownHostException {
    List<InetAddress> answer = new ArrayList<>();
    for (String ip : DNS.getOrDefault(host, List.of("93.184.216.34"))) answer.add(InetAddress.getByName(ip));
    return answer;
  }

  private static String host(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    return rest.substring(0, rest.indexOf('/'));
  }
}
