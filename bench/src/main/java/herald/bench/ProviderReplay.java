package herald.bench;

import herald.adapters.http.HttpWebhookSender;
import herald.domain.customers.Customer;
import herald.platform.AwsModule;
import herald.platform.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The provider call of the raw path: SES SendEmail of the email the sender sent in the warm-up, or a POST of the
 * exact body and signature it posted, each with the client the sender builds (no SDK retries for SES; the Apache
 * HttpClient made by HttpWebhookSender.client, connecting to the address given).
 */
final class ProviderReplay {
  private final Env env;
  private final SesSample email;
  private final String hookUrl;
  private final WebhookReceiver.Sample hook;
  // per thread
  private final SesV2Client ses;
  private final CloseableHttpClient http;

  private ProviderReplay(Env env, SesSample email, String hookUrl, WebhookReceiver.Sample hook, SesV2Client ses,
      CloseableHttpClient http) {
    this.env = env;
    this.email = email;
    this.hookUrl = hookUrl;
    this.hook = hook;
    this.ses = ses;
    this.http = http;
  }

  static ProviderReplay email(Env env, SesSample sample) {
    return new ProviderReplay(env, sample, null, null, null, null);
  }

  static ProviderReplay webhook(String url, WebhookReceiver.Sample sample) {
    if (sample == null) throw new IllegalStateException("the receiver has no webhook call to replay");
    return new ProviderReplay(null, null, url, sample, null, null);
  }

  /** A copy with its own client, as each sender instance has its own. */
  ProviderReplay forThread() {
    if (email != null) {
      return new ProviderReplay(env, email, hookUrl, hook, AwsModule.configure(SesV2Client.builder(), env, "SESV2")
          .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build(), null);
    }
    return new ProviderReplay(env, email, hookUrl, hook, null, HttpWebhookSender.client(Duration.ofSeconds(10)));
  }

  /** The call's name in the timings. */
  String operation() {
    return email != null ? "SesV2.SendEmail" : "HTTP.POST webhook";
  }

  /** Makes the call for this customer and message; returns the provider's id (SES) or the status code. */
  String send(Customer customer, String id) {
    return email != null ? sendEmail(customer, id) : post(id);
  }

  /** What SesEmailSender sends: the sample's from, subject, parts and headers, to this customer. */
  private String sendEmail(Customer customer, String id) {
    SendEmailRequest.Builder request = SendEmailRequest.builder()
        .fromEmailAddress(email.from())
        .destination(d -> d.toAddresses(customer.email()))
        .content(c -> c.simple(m -> {
          m.subject(x -> x.data(email.subject()).charset("UTF-8"));
          m.body(b -> {
            if (email.html() != null) b.html(x -> x.data(email.html()).charset("UTF-8"));
            if (email.text() != null) b.text(x -> x.data(email.text()).charset("UTF-8"));
          });
          if (!email.headers().isEmpty()) m.headers(email.headers());
        }))
        .emailTags(MessageTag.builder().name("herald_message_id").value(id).build());
    env.optional("SES_CONFIGURATION_SET").ifPresent(request::configurationSetName);
    return ses.sendEmail(request.build()).messageId();
  }

  /** What HttpWebhookSender posts: the sample's exact body and headers, with this message's id. */
  private String post(String id) {
    URI uri = URI.create(hookUrl);
    HttpPost request = new HttpPost(uri);
    hook.headers().forEach(request::setHeader);
    request.setHeader("Idempotency-Key", id);
    request.setHeader("webhook-id", id);
    request.setHeader("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()));
    request.setEntity(new ByteArrayEntity(hook.body(), ContentType.APPLICATION_JSON));
    try (ClassicHttpResponse response = http.executeOpen(new HttpHost(uri.getScheme(),
        InetAddress.getByName(uri.getHost()), uri.getHost(), uri.getPort()), request, null)) {
      if (response.getCode() / 100 != 2) throw new IllegalStateException("receiver: " + response.getCode());
      return Integer.toString(response.getCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
