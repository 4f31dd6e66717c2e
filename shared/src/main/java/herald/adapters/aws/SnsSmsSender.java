package herald.adapters.aws;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.sms.Sms;
import herald.domain.channels.sms.SmsSender;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Text messages through SNS Publish to a phone number, with the SMS type (AWS.SNS.SMS.SMSType) and, when
 * configured, the sender id (AWS.SNS.SMS.SenderID). A number that is not E.164 is refused before any call.
 * SNS refusals (InvalidParameter, ParameterValueInvalid, OptedOut, ...) are permanent, with the error code in
 * snake case as the reason; throttling, 5xx and an unreachable SNS are transient.
 */
public final class SnsSmsSender implements SmsSender {
  static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
  static final String SENDER_ID = "AWS.SNS.SMS.SenderID";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

  private final SnsClient sns;

  public SnsSmsSender(SnsClient sns) {
    this.sns = sns;
  }

  @Override
  public String send(Sms sms) {
    if (sms.phone() == null || !E164.matcher(sms.phone()).matches()) {
      throw DeliveryFailure.permanent("invalid_phone_number", null);
    }
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    if (sms.smsType() != null) attributes.put(SMS_TYPE, string(smsType(sms.smsType())));
    if (sms.senderId() != null && !sms.senderId().isBlank()) attributes.put(SENDER_ID, string(sms.senderId()));
    PublishRequest request = PublishRequest.builder().phoneNumber(sms.phone()).message(sms.text())
        .messageAttributes(attributes).build();
    try {
      return sns.publish(request).messageId();
    } catch (SnsException e) {
      String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
          ? "sns_error" : e.awsErrorDetails().errorCode();
      boolean retry = e.isThrottlingException() || code.contains("Throttl") || e.statusCode() == 429
          || e.statusCode() >= 500;
      throw retry ? DeliveryFailure.transientFailure(snakeCase(code), e) : DeliveryFailure.permanent(snakeCase(code), e);
    } catch (SdkClientException e) {
      throw DeliveryFailure.transientFailure("sns_unreachable", e);
    }
  }

  private static String smsType(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "promotional" -> "Promotional";
      case "transactional" -> "Transactional";
      default -> throw DeliveryFailure.permanent("invalid_sms_type", null);
    };
  }

  private static MessageAttributeValue string(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  /** InvalidParameter -> invalid_parameter, KMSThrottling -> kms_throttling, OptedOut -> opted_out. */
  static String snakeCase(String code) {
    return code.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
  }
}
