package herald.adapters.aws;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.email.Email;
import herald.domain.channels.email.EmailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Emails through SES v2, tagged with Herald's message id so delivery events can find the message, sent with the
 * configuration set that publishes those events. An email with an unsubscribe URL carries it as
 * {@code List-Unsubscribe: <url>} with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058).
 */
public final class SesEmailSender implements EmailSender {
  /** How long SES's answer to GetAccount is used before it is asked again. */
  static final Duration RATE_TTL = Duration.ofMinutes(10);
  private final SesV2Client ses;
  private final String configurationSet;
  private final Clock clock;
  private volatile OptionalInt maxSendRate = OptionalInt.empty();
  private volatile Instant rateReadAt = Instant.MIN;

  public SesEmailSender(SesV2Client ses, String configurationSet) {
    this(ses, configurationSet, Clock.systemUTC());
  }

  public SesEmailSender(SesV2Client ses, String configurationSet, Clock clock) {
    this.ses = ses;
    this.configurationSet = configurationSet;
    this.clock = clock;
  }

  /**
   * SES's {@code SendQuota.MaxSendRate} for the account (GetAccount), rounded down, at least 1; read again every
   * {@link #RATE_TTL}. When SES cannot be asked, the last answer holds (none yet: empty).
   */
  @Override
  public OptionalInt maxSendRate() {
    Instant now = clock.instant();
    if (now.isBefore(rateReadAt.plus(RATE_TTL))) return maxSendRate;
    try {
      var quota = ses.getAccount(r -> {}).sendQuota();
      if (quota != null && quota.maxSendRate() != null) {
        maxSendRate = OptionalInt.of((int) Math.max(1, Math.floor(quota.maxSendRate())));
      }
      rateReadAt = now;
    } catch (SesV2Exception | SdkClientException e) {
      rateReadAt = now.minus(RATE_TTL).plusSeconds(30);   // asks again in 30 s
    }
    return maxSendRate;
  }

  @Override
  public String send(Email email) {
    Body.Builder body = Body.builder();
    if (email.html() != null) body.html(utf8(email.html()));
    if (email.text() != null) body.text(utf8(email.text()));
    SendEmailRequest.Builder request = SendEmailRequest.builder()
        .fromEmailAddress(from(email))
        .destination(d -> d.toAddresses(email.to()))
        .content(c -> c.simple(m -> {
          m.subject(utf8(email.subject())).body(body.build());
          List<MessageHeader> headers = headers(email);
          if (!headers.isEmpty()) m.headers(headers);
        }))
        .emailTags(MessageTag.builder().name("herald_message_id").value(email.messageId()).build());
    if (configurationSet != null) request.configurationSetName(configurationSet);
    try {
      return ses.sendEmail(request.build()).messageId();
    } catch (SesV2Exception e) {
      String code = e.awsErrorDetails() == null ? "ses_error" : e.awsErrorDetails().errorCode();
      boolean retry = e.isThrottlingException() || e.statusCode() >= 500;
      return retry ? fail(DeliveryFailure.transientFailure(code, e)) : fail(DeliveryFailure.permanent(code, e));
    } catch (SdkClientException e) {
      return fail(DeliveryFailure.transientFailure("ses_unreachable", e));
    }
  }

  static List<MessageHeader> headers(Email email) {
    if (email.unsubscribeUrl() == null || email.unsubscribeUrl().isBlank()) return List.of();
    return List.of(
        MessageHeader.builder().name("List-Unsubscribe").value("<" + email.unsubscribeUrl().strip() + ">").build(),
        MessageHeader.builder().name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click").build());
  }

  private static String fail(DeliveryFailure failure) {
    throw failure;
  }

  private static String from(Email email) {
    String name = email.fromName().replace("\\", "\\\\").replace("\"", "\\\"");
    return "\"" + name + "\" <" + email.fromAddress() + ">";
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset("UTF-8").build();
  }
}
