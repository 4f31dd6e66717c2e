package herald.adapters.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.domain.channels.DeliveryFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolHttpTest {
  private final WireMockServer tool = new WireMockServer(options().dynamicPort());
  private String base;

  @BeforeEach
  void start() {
    tool.start();
    base = "http://127.0.0.1:" + tool.port();
  }

  @AfterEach
  void stop() {
    tool.stop();
  }

  private ToolHttp http(Duration timeout) {
    return new ToolHttp(new SsrfGuard(HostResolver.system(), Set.of("127.0.0.1:" + tool.port())), timeout);
  }

  @Test
  void sendsTheExactRequestAndReturnsWhatTheToolAnsweredWhateverItsStatus() {
    tool.stubFor(put(urlEqualTo("/3.0/lists/l1/members/abc")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/problem+json").withHeader("X-Request-Id", "r-1")
        .withBody("{\"detail\":\"bad\"}")));

    ToolResponse answer = http(ToolHttp.TIMEOUT).call(new ToolRequest("PUT", base + "/3.0/lists/l1/members/abc",
        Map.of("Authorization", "Basic eDpr"), "{\"email_address\":\"a@example.com\"}"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.ok()).isFalse();
    assertThat(answer.header("x-request-id")).contains("r-1");
    assertThat(answer.body()).isEqualTo("{\"detail\":\"bad\"}");
    tool.verify(1, putRequestedFor(urlEqualTo("/3.0/lists/l1/members/abc"))
        .withHeader("Authorization", equalTo("Basic eDpr"))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withRequestBody(equalToJson("{\"email_address\":\"a@example.com\"}")));
  }

  @Test
  void aHostThatIsNeitherPublicNorAllowedIsNeverCalled() {
    ToolHttp guarded = new ToolHttp(new SsrfGuard(HostResolver.system(), Set.of()), ToolHttp.TIMEOUT);

    assertThatThrownBy(() -> guarded.call(new ToolRequest("GET", base + "/ping", Map.of(), null)))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isTrue();
          assertThat(f.reason()).isEqualTo("forbidden_host");
        });
    assertThat(tool.getAllServeEvents()).isEmpty();
  }

  @Test
  void aToolThatDoesNotAnswerInTimeIsATransientTimeout() {
    tool.stubFor(put(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));

    assertThatThrownBy(() -> http(Duration.ofMillis(300)).call(new ToolRequest("PUT", base + "/slow", Map.of(), "{}")))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isFalse();
          assertThat(f.reason()).isEqualTo("timeout");
        });
  }

  @Test
  void a429WaitsAsTheToolSaysInSecondsOrAsADate() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
    ToolResponse seconds = new ToolResponse(429, Map.of("retry-after", "7"), "");
    ToolResponse date = new ToolResponse(429, Map.of("retry-after", "Sun, 06 Dec 2026 08:00:30 GMT"), "");

    assertThat(ToolAnswers.retryAfter(seconds, clock)).isEqualTo(Duration.ofSeconds(7));
    assertThat(ToolAnswers.retryAfter(date, clock)).isEqualTo(Duration.ofSeconds(30));
    assertThat(ToolAnswers.retryAfter(new ToolResponse(429, Map.of(), ""), clock)).isNull();
    DeliveryFailure failure = ToolAnswers.failure(seconds, Duration.ofSeconds(7), "Too many requests");
    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("http_429");
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(ToolAnswers.failure(new ToolResponse(503, Map.of(), ""), null, "down").permanent()).isFalse();
  }

  @Test
  void aRefusalFailsForGoodWithTheToolsMessageFreeOfPersonalData() {
    DeliveryFailure failure = ToolAnswers.failure(new ToolResponse(400, Map.of(), ""), null,
        "ada@example.com looks fake or invalid,\n please enter a real email; phone +44 7700 900123; name \"Ada L\"");

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo(
        "http_400: … looks fake or invalid, please enter a real email; phone …; name \"…\"");
    assertThat(ToolAnswers.safe("x".repeat(500))).hasSize(ToolAnswers.MAX_MESSAGE);
    assertThat(ToolAnswers.failure(new ToolResponse(404, Map.of(), ""), null, null).reason()).isEqualTo("http_404");
  }
}
