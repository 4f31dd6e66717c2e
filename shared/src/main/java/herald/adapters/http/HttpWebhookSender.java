package herald.adapters.http;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.channels.webhook.WebhookSignature;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts webhook calls per Standard Webhooks: the exact body bytes with {@code webhook-id} (the message id, also
 * sent as {@code Idempotency-Key}), {@code webhook-timestamp} and {@code webhook-signature}, to the address the
 * {@link SsrfGuard} checked: the connection is opened to that address while the Host header, TLS SNI and the
 * certificate check use the URL's name, and the client has no resolver of its own, so no second lookup can answer
 * another address. Redirects are never followed, nor requests retried. 2xx is success (the status is returned);
 * 3xx, and 4xx other than 429, are permanent failures; 429, 5xx, timeouts and connection errors are transient.
 */
public final class HttpWebhookSender implements WebhookSender {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Set<String> OWN_HEADERS = Set.of("content-type", "idempotency-key", "webhook-id",
      "webhook-timestamp", "webhook-signature");

  private final CloseableHttpClient client;
  private final SsrfGuard guard;
  private final Clock clock;

  /** Its own client: {@code timeout} to connect and for each read of the answer. */
  public HttpWebhookSender(HostResolver resolver, Set<String> allowlist, Clock clock, Duration timeout) {
    this.client = client(timeout);
    this.guard = new SsrfGuard(resolver, allowlist);
    this.clock = clock;
  }

  /**
   * The client webhooks need: no redirects, no retries, no proxy, no cookies, and no DNS of its own (every request
   * must name the address to connect to in its {@link HttpHost}).
   */
  public static CloseableHttpClient client(Duration timeout) {
    Timeout limit = Timeout.of(timeout);
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new NoLookups())
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit)
                .build())
            .setMaxConnTotal(100).setMaxConnPerRoute(20).build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
        .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
        .disableContentCompression().build();
  }

  @Override
  public String send(WebhookCall call) {
    SsrfGuard.Target target = guard.check(call.url());
    HttpPost request = request(target.uri(), call);
    int status;
    try {
      ClassicHttpResponse response = client.executeOpen(host(target), request, null);
      status = response.getCode();
      request.cancel();   // the answer's body is not needed: drop the connection rather than wait for it
      closeQuietly(response);
    } catch (SocketTimeoutException e) {
      throw DeliveryFailure.transientFailure("timeout", e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("interrupted", e);
    } catch (IOException e) {
      throw DeliveryFailure.transientFailure("connection_failed", e);
    }
    return outcome(status);
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // the status is what counts; a connection dropped on purpose may complain as it closes
    }
  }

  /** The URL's scheme, name and port, with the checked address to connect to. */
  static HttpHost host(SsrfGuard.Target target) {
    URI uri = target.uri();
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String name = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return new HttpHost(scheme, target.address(), name, port);
  }

  private HttpPost request(URI uri, WebhookCall call) {
    Instant timestamp = call.timestamp() != null ? call.timestamp() : clock.instant();
    long seconds = timestamp.getEpochSecond();
    HttpPost request = new HttpPost(uri);
    call.headers().forEach((name, value) -> {
      if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) request.addHeader(name, value);
    });
    request.setHeader("Idempotency-Key", call.messageId());
    request.setHeader("webhook-id", call.messageId());
    request.setHeader("webhook-timestamp", Long.toString(seconds));
    if (!call.secrets().isEmpty()) {
      request.setHeader("webhook-signature", WebhookSignature.sign(call.secrets(), call.messageId(), seconds,
          call.body()));
    }
    request.setEntity(new ByteArrayEntity(call.body().getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
    return request;
  }

  static String outcome(int status) {
    if (status >= 200 && status < 300) return Integer.toString(status);
    if (status >= 300 && status < 400) throw DeliveryFailure.permanent("redirect_not_followed", null);
    if (status == 429 || status >= 500) throw DeliveryFailure.transientFailure("http_" + status, null);
    throw DeliveryFailure.permanent("http_" + status, null);
  }

  /** The client's resolver: never asked, since every request names the checked address; refuses if it were. */
  private static final class NoLookups implements DnsResolver {
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      throw new UnknownHostException("webhooks connect only to the address the SSRF guard checked");
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      throw new UnknownHostException("webhooks connect only to the address the SSRF guard checked");
    }
  }
}
