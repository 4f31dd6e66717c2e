package herald.adapters.http;

import herald.domain.channels.DeliveryFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Calls marketing tools' APIs the way webhooks are posted: each URL passes the {@link SsrfGuard} first (so an
 * integration's {@code api_base_url} reaches only public hosts, or the allowlist), and the connection goes to the
 * address it checked, with no redirects, retries or cookies. What the tool answered is returned whatever its
 * status, for the tool's adapter to read ({@link ToolAnswers}); a forbidden host fails for good, a timeout or a
 * broken connection is transient. At most 64 KB of an answer's body is read.
 */
public final class ToolHttp {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_BODY = 64 * 1024;
  private final CloseableHttpClient client;
  private final SsrfGuard guard;

  public ToolHttp(SsrfGuard guard, Duration timeout) {
    this.client = HttpWebhookSender.client(timeout);
    this.guard = guard;
  }

  public ToolResponse call(ToolRequest request) {
    SsrfGuard.Target target = guard.check(request.url());
    HttpUriRequestBase http = new HttpUriRequestBase(request.method(), target.uri());
    request.headers().forEach(http::setHeader);
    if (request.body() != null) {
      http.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8),
          ContentType.APPLICATION_JSON));
    }
    try (ClassicHttpResponse response = client.executeOpen(HttpWebhookSender.host(target), http, null)) {
      Map<String, String> headers = new HashMap<>();
      for (Header header : response.getHeaders()) {
        headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
      }
      String body = response.getEntity() == null ? ""
          : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8, MAX_BODY);
      return new ToolResponse(response.getCode(), headers, body);
    } catch (SocketTimeoutException e) {
      throw DeliveryFailure.transientFailure("timeout", e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw DeliveryFailure.transientFailure("interrupted", e);
    } catch (IOException | ParseException e) {
      throw DeliveryFailure.transientFailure("connection_failed", e);
    }
  }
}
