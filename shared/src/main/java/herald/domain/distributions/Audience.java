package herald.domain.distributions;

import herald.domain.common.Invalid;
import herald.domain.common.Text;

/** Who receives: the event's customer, every member of a segment, or one fixed customer (manual only). */
public record Audience(AudienceType type, String segmentId, String customerId) {
  public Audience {
    if (type == null) throw Invalid.required("audience.type");
    segmentId = parameter(segmentId, "audience.segment_id", type == AudienceType.SEGMENT, type);
    customerId = parameter(customerId, "audience.customer_id", type == AudienceType.CUSTOMER, type);
  }

  public static Audience eventCustomer() {
    return new Audience(AudienceType.EVENT_CUSTOMER, null, null);
  }

  public static Audience segment(String segmentId) {
    return new Audience(AudienceType.SEGMENT, segmentId, null);
  }

  public static Audience customer(String customerId) {
    return new Audience(AudienceType.CUSTOMER, null, customerId);
  }

  private static String parameter(String value, String field, boolean takesIt, AudienceType type) {
    String v = Text.maxLength(Text.optional(value), 200, field);
    if (takesIt && v == null) throw Invalid.required(field);
    if (!takesIt && v != null) {
      throw new Invalid("unknown_field", field, "audience " + type.key() + " takes no " + field.substring(9));
    }
    return v;
  }
}
