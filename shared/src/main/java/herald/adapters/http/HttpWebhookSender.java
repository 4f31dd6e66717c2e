package herald.adapters.http;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.channels.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Posts webhook calls: the exact body bytes, signed ({@code X-Herald-Signature}), with {@code Idempotency-Key}
 * and {@code X-Herald-Timestamp}, after the {@link SsrfGuard} has checked the host's addresses. Redirects are
 * never followed. 2xx is success (the status is returned); 3xx, and 4xx other than 429, are permanent failures;
 * 429, 5xx, timeouts and connection errors are transient.
 */
public final class HttpWebhookSender implements WebhookSender {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Set<String> OWN_HEADERS =
      Set.of("content-type", "idempotency-key", "x-herald-timestamp", "x-herald-signature");

  private final HttpClient client;
  private final SsrfGuard guard;
  private final Clock clock;
  private final Duration timeout;

  /** Production: its own client, 10 s to connect and 10 s for the answer. */
  public HttpWebhookSender(HostResolver resolver, Set<String> allowlist, Clock clock) {
    this(client(TIMEOUT), resolver, allowlist, clock, TIMEOUT);
  }

  /** A given client (which must not follow redirects) and time allowed for the response. */
  public HttpWebhookSender(HttpClient client, HostResolver resolver, Set<String> allowlist, Clock clock,
      Duration timeout) {
    if (client.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("a webhook client must not follow redirects");
    }
    this.client = client;
    this.guard = new SsrfGuard(resolver, allowlist);
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The client webhooks need: HTTP/1.1, no redirects, no proxy (the guard checks what is connected to). */
  public static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(connectTimeout).build();
  }

  @Override
  public String send(WebhookCall call) {
    URI uri = guard.check(call.url());
    HttpRequest request = request(uri, call);
    int status;
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      closeQuietly(response.body());   // the answer's body is not needed: do not wait for it
    } catch (HttpTimeoutException e) {
      throw DeliveryFailure.transientFailure("timeout", e);
    } catch (IOException e) {
      throw DeliveryFailure.transientFailure("connection_failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("interrupted", e);
    }
    return outcome(status);
  }

  private HttpRequest request(URI uri, WebhookCall call) {
    byte[] body = call.body().getBytes(StandardCharsets.UTF_8);
    Instant timestamp = call.timestamp() != null ? call.timestamp() : clock.instant();
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      call.headers().forEach((name, value) -> {
        if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) request.header(name, value);
      });
      request.header("Content-Type", "application/json")
          .header("Idempotency-Key", call.messageId())
          .header("X-Herald-Timestamp", Long.toString(timestamp.getEpochSecond()));
      if (call.secret() != null) {
        request.header("X-Herald-Signature", WebhookSignature.sign(call.secret(), call.body()));
      }
      return request.build();
    } catch (IllegalArgumentException e) {
      throw DeliveryFailure.permanent("invalid_header", e);
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // the status is what counts; a body that cannot be discarded changes nothing
    }
  }

  static String outcome(int status) {
    if (status >= 200 && status < 300) return Integer.toString(status);
    if (status >= 300 && status < 400) throw DeliveryFailure.permanent("redirect_not_followed", null);
    if (status == 429 || status >= 500) throw DeliveryFailure.transientFailure("http_" + status, null);
    throw DeliveryFailure.permanent("http_" + status, null);
  }
}
