package herald.bench;

import herald.adapters.http.HttpWebhookSender;
import herald.domain.customers.Customer;
import herald.platform.AwsModule;
import herald.platform.Env;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * The provider call of the raw path: SES SendEmail of the email the sender sent in the warm-up, or a POST of the
 * exact body and signature it posted, each with the client the sender builds (no SDK retries for SES; the JDK
 * HttpClient made by HttpWebhookSender.client).
 */
final class ProviderReplay {
  private final Env env;
  private final SesSample email;
  private final String hookUrl;
  private final WebhookReceiver.Sample hook;
  // per thread
  private final SesV2Client ses;
  private final HttpClient http;

  private ProviderReplay(Env env, SesSample email, String hookUrl, WebhookReceiver.Sample hook, SesV2Client ses,
      HttpClient http) {
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

  /** What HttpWebhookSender posts: the sample's exact body and headers, with this message's key. */
  private String post(String id) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hookUrl)).timeout(Duration.ofSeconds(10))
        .POST(BodyPublishers.ofByteArray(hook.body()));
    hook.headers().forEach(request::header);
    request.header("Content-Type", "application/json").header("Idempotency-Key", id)
        .header("X-Herald-Timestamp", Long.toString(Instant.now().getEpochSecond()));
    try {
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      if (response.statusCode() / 100 != 2) throw new IllegalStateException("receiver: " + response.statusCode());
      return Integer.toString(response.statusCode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
