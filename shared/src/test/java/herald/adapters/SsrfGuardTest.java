package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.adapters.http.SsrfGuard;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookCall;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The send-time SSRF guard, and the sender pinned to the address it checked. The resolver answers what each case
 * says, and the sender connects to exactly that answer: a hostile answer (127.0.0.1) would reach the real local
 * server, so a refused URL that leaves the server's request count at zero proves that the guard stopped it; an
 * allowed one is seen arriving, looked up once.
 */
class SsrfGuardTest {
  private static final String HOST = "hooks.example.com";

  private WebhookReceiver receiver;
  private final List<String> lookups = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  static Stream<Arguments> hostileDnsAnswers() {
    return Stream.of(
        answers("127.0.0.1"), answers("127.45.6.7"), answers("10.0.0.5"), answers("172.16.3.4"),
        answers("172.31.255.254"), answers("192.168.1.10"), answers("169.254.169.254"), answers("100.64.0.1"),
        answers("100.127.255.254"), answers("0.0.0.0"), answers("224.0.0.251"), answers("255.255.255.255"),
        answers("::1"), answers("::"), answers("fd00::1"), answers("fc00::1"), answers("fe80::1"),
        answers("ff02::1"), answers("::ffff:127.0.0.1"), answers("::ffff:10.0.0.5"), answers("::127.0.0.1"),
        answers("64:ff9b::a9fe:a9fe"), answers("2002:7f00:1::"),
        answers("93.184.216.34", "10.1.2.3"), answers("2606:2800:220:1::1", "::1"),
        answers("93.184.216.34", "8.8.8.8", "169.254.169.254"));
  }

  @ParameterizedTest(name = "{0} resolving to {1}")
  @MethodSource("hostileDnsAnswers")
  void refusesAPublicLookingNameWhenAnyOfItsAddressesIsNotPublic(String host, List<InetAddress> answer) {
    HttpWebhookSender sender = sender(Map.of(host, answer), Set.of());

    DeliveryFailure failure = refusal(sender, "http://" + host + ":" + receiver.port() + "/hook");

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("forbidden_host");
    assertThat(lookups).containsExactly(host);
    assertThat(receiver.count()).as("requests that reached the server").isZero();
  }

  @Test
  void refusesAnIpv4MappedAddressEvenWhenTheResolverGivesItAsAnIpv6Address() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(v6).isInstanceOf(Inet6Address.class);
    HttpWebhookSender sender = sender(Map.of(HOST, List.of(v6)), Set.of());

    DeliveryFailure failure = refusal(sender, "http://" + HOST + ":" + receiver.port() + "/hook");

    assertThat(failure.reason()).isEqualTo("forbidden_host");
    assertThat(receiver.count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:{port}/hook", "http://127.9.9.9:{port}/", "http://localhost:{port}/",
      "http://LOCALHOST.:{port}/", "http://api.localhost:{port}/", "http://[::1]:{port}/", "http://[::]:{port}/",
      "http://0.0.0.0:{port}/", "http://10.0.0.5:{port}/", "http://172.20.0.1:{port}/", "http://192.168.0.1:{port}/",
      "http://169.254.169.254:{port}/latest/meta-data/", "http://100.64.0.1:{port}/", "http://[fd00::1]:{port}/",
      "http://[fe80::1]:{port}/", "http://[::ffff:127.0.0.1]:{port}/", "http://[::ffff:7f00:1]:{port}/",
      "http://[::ffff:a9fe:a9fe]:{port}/", "http://2130706433:{port}/", "http://0x7f000001:{port}/",
      "http://[::ffff:0:127.0.0.1]:{port}/", "http://[64:ff9b::7f00:1]:{port}/", "http://[2001::1]:{port}/",
      "http://0177.0.0.1:{port}/", "http://017700000001:{port}/", "http://3232235521:{port}/", "http://2852039166:{port}/",
      "https://169.254.169.254/latest/meta-data/iam/", "https://[fd12:3456::1]/"})
  void refusesNonPublicIpLiteralsInAnySpellingWithoutALookup(String template) {
    HttpWebhookSender sender = sender(Map.of(), Set.of());

    DeliveryFailure failure = refusal(sender, template.replace("{port}", Integer.toString(receiver.port())));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("forbidden_host");
    assertThat(lookups).isEmpty();
    assertThat(receiver.count()).as("requests that reached the server").isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://" + HOST + "@127.0.0.1:{port}/", "http://999.1.1.1:{port}/",
      "http://127.1:{port}/", "http://127.0.1:{port}/", "http://0x7f.1:{port}/", "http://0x7f.0.0.1:{port}/",
      "http://127.0.0.1:0/", "http://127.0.0.1:65536/", "http://[fe80::1%25lo]:{port}/",
      "http://[zz::1]:{port}/", "ftp://" + HOST + ":{port}/", "not a url", "http://127.0.0.1\\@" + HOST + "/"})
  void refusesWhatIsNotAnHttpUrlWithAPlainHostAsInvalid(String template) {
    HttpWebhookSender sender = sender(Map.of(), Set.of());

    DeliveryFailure failure = refusal(sender, template.replace("{port}", Integer.toString(receiver.port())));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("invalid_url");
    assertThat(receiver.count()).isZero();
  }

  @Test
  void postsToAPrivateAddressWhenTheHostIsOnTheAllowlist() {
    HttpWebhookSender sender = sender(Map.of("hooks.internal", List.of(address("127.0.0.1"))),
        Set.of("hooks.internal"));

    assertThat(sender.send(call("http://hooks.internal:" + receiver.port() + "/in"))).isEqualTo("204");
    assertThat(receiver.received()).extracting(WebhookReceiver.Received::target).containsExactly("/in");
    assertThat(receiver.received().get(0).header("Host")).isEqualTo("hooks.internal:" + receiver.port());
    assertThat(lookups).as("an allowlisted host is looked up once, not checked").containsExactly("hooks.internal");
  }

  @Test
  void aNameIsLookedUpOnceAndARebindingAnswerNeverReachesTheLocalServer() {
    List<InetAddress> answers = new ArrayList<>(List.of(address("8.8.8.8"), address("127.0.0.1")));
    HostResolver rebinding = host -> {
      lookups.add(host);
      return List.of(answers.remove(0));
    };
    HttpWebhookSender sender = new HttpWebhookSender(rebinding, Set.of(), Clock.systemUTC(), Duration.ofMillis(300));

    DeliveryFailure failure = refusal(sender, "http://rebind.example:" + receiver.port() + "/in");

    assertThat(failure.permanent()).as("the public address did not answer in time").isFalse();
    assertThat(lookups).containsExactly("rebind.example");
    assertThat(receiver.count()).as("requests that reached the local server").isZero();
  }

  @Test
  void theRequestGoesToTheAddressCheckedNotToALaterAnswer() {
    List<InetAddress> answers = new ArrayList<>(List.of(address("127.0.0.1"), address("10.255.255.1")));
    HostResolver changing = host -> {
      lookups.add(host);
      return List.of(answers.remove(0));
    };
    HttpWebhookSender sender = new HttpWebhookSender(changing, Set.of("hooks.internal"), Clock.systemUTC(),
        Duration.ofSeconds(2));

    assertThat(sender.send(call("http://hooks.internal:" + receiver.port() + "/in"))).isEqualTo("204");
    assertThat(lookups).containsExactly("hooks.internal");
    assertThat(receiver.count()).isEqualTo(1);
  }

  @Test
  void anAllowlistEntryWithAPortAllowsOnlyThatPort() {
    int port = receiver.port();
    HttpWebhookSender sender = sender(Map.of(), Set.of("127.0.0.1:" + port, "localhost:" + (port + 1)));

    assertThat(sender.send(call("http://127.0.0.1:" + port + "/in"))).isEqualTo("204");
    assertThat(refusal(sender, "http://localhost:" + port + "/in").reason()).isEqualTo("forbidden_host");
    assertThat(refusal(sender, "http://127.0.0.1:" + (port + 1) + "/in").reason()).isEqualTo("forbidden_host");
    assertThat(receiver.count()).isEqualTo(1);
  }

  @Test
  void passesANameWhoseAddressesAreAllPublicPinnedToTheFirst() {
    SsrfGuard guard = new SsrfGuard(resolver(Map.of(HOST, addresses("93.184.216.34",
        "2606:2800:220:1:248:1893:25c8:1946"))), Set.of());

    SsrfGuard.Target target = guard.check("https://" + HOST + "/in");

    assertThat(target.uri()).isEqualTo(URI.create("https://" + HOST + "/in"));
    assertThat(target.address()).isEqualTo(address("93.184.216.34"));
    assertThat(lookups).containsExactly(HOST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1",
      "100.63.255.255", "100.128.0.1", "11.0.0.1", "2606:4700::1111", "2a00:1450:4001::200e"})
  void theGuardPassesPublicAnswersWithoutConnecting(String answer) {
    SsrfGuard guard = new SsrfGuard(resolver(Map.of(HOST, List.of(address(answer)))), Set.of());

    assertThat(guard.check("https://" + HOST + "/hooks?x=1")).isEqualTo(
        new SsrfGuard.Target(URI.create("https://" + HOST + "/hooks?x=1"), address(answer)));
    assertThat(lookups).containsExactly(HOST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.216.34/hook", "https://8.8.8.8:8443/", "https://[2606:4700::1111]/"})
  void theGuardPassesPublicIpLiteralsWithoutALookup(String url) {
    SsrfGuard guard = new SsrfGuard(resolver(Map.of()), Set.of());

    assertThat(guard.check(url).uri()).isEqualTo(URI.create(url));
    assertThat(lookups).isEmpty();
  }

  @Test
  void aNameThatDoesNotResolveIsATransientFailure() {
    HttpWebhookSender sender = sender(Map.of(), Set.of());

    DeliveryFailure failure = refusal(sender, "http://gone.example.com:" + receiver.port() + "/in");

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("dns_failed");
    assertThat(receiver.count()).isZero();
  }

  @Test
  void theSystemResolverAnswersLocalhostWithLoopbackWhichIsRefused() throws Exception {
    assertThat(HostResolver.system().resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
    SsrfGuard guard = new SsrfGuard(HostResolver.system(), Set.of());

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> guard.check("https://localhost/"));

    assertThat(failure.reason()).isEqualTo("forbidden_host");
  }

  private HttpWebhookSender sender(Map<String, List<InetAddress>> dns, Set<String> allowlist) {
    return new HttpWebhookSender(resolver(dns), allowlist, Clock.systemUTC(), Duration.ofSeconds(2));
  }

  private HostResolver resolver(Map<String, List<InetAddress>> dns) {
    return host -> {
      lookups.add(host);
      List<InetAddress> answer = dns.get(host);
      if (answer == null) throw new UnknownHostException(host);
      return answer;
    };
  }

  private static DeliveryFailure refusal(HttpWebhookSender sender, String url) {
    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(call(url)));
    assertThat(failure).as("refused: " + url).isNotNull();
    return failure;
  }

  private static WebhookCall call(String url) {
    return new WebhookCall("msg_ssrf", url, Map.of(), "{\"probe\":true}", List.of(), Instant.now());
  }

  private static Arguments answers(String... ips) {
    return Arguments.of(HOST, addresses(ips));
  }

  private static List<InetAddress> addresses(String... ips) {
    return Arrays.stream(ips).map(SsrfGuardTest::address).toList();
  }

  private static InetAddress address(String ip) {
    try {
      return InetAddress.getByName(ip);   // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
