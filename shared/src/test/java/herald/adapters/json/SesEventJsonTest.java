package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Invalid;
import herald.domain.delivery.RecordFeedback.Feedback;
import herald.domain.delivery.RecordFeedback.Kind;
import herald.platform.Json;
import herald.testing.EventFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class SesEventJsonTest {
  @Test
  void readsADeliveryAsSesPublishesItOnEventBridge() {
    Feedback f = SesEventJson.read(Json.parse(EventFiles.read("feedback-delivery.json")));

    assertThat(f).isEqualTo(new Feedback("msg_feedback_delivery_1", Kind.DELIVERY, null, null, null,
        List.of("ada@mail.example")));
  }

  @Test
  void readsAPermanentBounceWithItsTypeAndTheBouncedRecipients() {
    Feedback f = SesEventJson.read(Json.parse(EventFiles.read("feedback-bounce-permanent.json")));

    assertThat(f.kind()).isEqualTo(Kind.BOUNCE);
    assertThat(f.messageId()).isEqualTo("msg_feedback_bounce_1");
    assertThat(f.bounceType()).isEqualTo("Permanent");
    assertThat(f.bounceSubType()).isEqualTo("General");
    assertThat(f.permanentBounce()).isTrue();
    assertThat(f.addresses()).containsExactly("Gone.Away@mail.example");
  }

  @Test
  void readsAComplaintWithItsFeedbackType() {
    Feedback f = SesEventJson.read(Json.parse(EventFiles.read("feedback-complaint.json")));

    assertThat(f.kind()).isEqualTo(Kind.COMPLAINT);
    assertThat(f.complaintType()).isEqualTo("abuse");
    assertThat(f.addresses()).containsExactly("ada@mail.example");
  }

  @Test
  void readsABareDetailARejectOtherKindsAndMailWithoutHeraldsTag() {
    Feedback reject = SesEventJson.read(Json.parse("{\"eventType\":\"Reject\",\"reject\":{\"reason\":\"Bad content\"},"
        + "\"mail\":{\"destination\":[\"\\\"Ada\\\" <ada@mail.example>\"],\"tags\":{\"herald_message_id\":[\"msg_1\"]}}}"));
    Feedback open = SesEventJson.read(Json.parse("{\"detail\":{\"eventType\":\"Open\",\"mail\":{\"tags\":{}}}}"));
    Feedback click = SesEventJson.read(Json.parse("{\"detail\":{\"eventType\":\"Click\",\"mail\":{\"tags\":{}}}}"));
    Feedback delayed = SesEventJson.read(Json.parse(
        "{\"detail\":{\"eventType\":\"DeliveryDelay\",\"mail\":{\"tags\":{}}}}"));
    Feedback untagged = SesEventJson.read(Json.parse("{\"detail\":{\"eventType\":\"Bounce\",\"mail\":{},"
        + "\"bounce\":{\"bounceType\":\"Permanent\"}}}"));

    assertThat(reject).isEqualTo(new Feedback("msg_1", Kind.REJECT, null, null, null, List.of("ada@mail.example")));
    assertThat(open.kind()).isEqualTo(Kind.OPEN);
    assertThat(click.kind()).isEqualTo(Kind.CLICK);
    assertThat(delayed.kind()).isEqualTo(Kind.OTHER);
    assertThat(untagged.messageId()).isNull();
  }

  @Test
  void refusesWhatIsNotAnSesEvent() {
    assertThatThrownBy(() -> SesEventJson.read(Json.parse("[]"))).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> SesEventJson.read(Json.parse("{\"detail\":{\"eventType\":\"Delivery\"}}")))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> SesEventJson.read(Json.parse(EventFiles.read("trigger-custom-event.json"))))
        .isInstanceOf(Invalid.class);
  }
}
