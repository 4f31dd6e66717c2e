package herald.domain.distributions;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.fakes.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NewDistributionTest {
  private static NewDistribution with(AudienceType audience, ActionType action, List<Channel> channels) {
    return new NewDistribution("Welcome", Samples.orderPaid(), audience, action, channels);
  }

  @Test
  void acceptsAPlainMessageToTheEventCustomerByEmail() {
    NewDistribution draft = with(AudienceType.EVENT_CUSTOMER, ActionType.PLAIN_MESSAGE, List.of(Samples.email()));

    assertThat(draft.channels()).containsExactly(Samples.email());
  }

  @ParameterizedTest
  @EnumSource(value = AudienceType.class, names = "EVENT_CUSTOMER", mode = EnumSource.Mode.EXCLUDE)
  void refusesAnAudienceNotSupportedYet(AudienceType audience) {
    assertRefused(() -> with(audience, ActionType.PLAIN_MESSAGE, List.of(Samples.email())),
        "unsupported_audience", "audience.type");
  }

  @ParameterizedTest
  @EnumSource(value = ActionType.class, names = "PLAIN_MESSAGE", mode = EnumSource.Mode.EXCLUDE)
  void refusesAnActionNotSupportedYet(ActionType action) {
    assertRefused(() -> with(AudienceType.EVENT_CUSTOMER, action, List.of(Samples.email())),
        "unsupported_action", "action.type");
  }

  @Test
  void refusesMissingParts() {
    assertRefused(() -> new NewDistribution(" ", Samples.orderPaid(), AudienceType.EVENT_CUSTOMER,
        ActionType.PLAIN_MESSAGE, List.of(Samples.email())), "missing_field", "name");
    assertRefused(() -> with(null, ActionType.PLAIN_MESSAGE, List.of(Samples.email())), "missing_field",
        "audience.type");
    assertRefused(() -> with(AudienceType.EVENT_CUSTOMER, null, List.of(Samples.email())), "missing_field",
        "action.type");
    assertRefused(() -> with(AudienceType.EVENT_CUSTOMER, ActionType.PLAIN_MESSAGE, List.of()), "missing_field",
        "channels");
    assertRefused(() -> with(AudienceType.EVENT_CUSTOMER, ActionType.PLAIN_MESSAGE, null), "missing_field",
        "channels");
  }

  @Test
  void refusesTheSameChannelTwice() {
    assertRefused(() -> with(AudienceType.EVENT_CUSTOMER, ActionType.PLAIN_MESSAGE,
        List.of(Samples.email(), Samples.email())), "duplicate_channel", "channels");
  }

  @Test
  void refusesATooLongName() {
    assertRefused(() -> new NewDistribution("n".repeat(201), Samples.orderPaid(), AudienceType.EVENT_CUSTOMER,
        ActionType.PLAIN_MESSAGE, List.of(Samples.email())), "too_long", "name");
  }

  @Test
  void itsChannelsCannotBeChangedAfterwards() {
    List<Channel> channels = new ArrayList<>(List.of(Samples.email()));
    NewDistribution draft = with(AudienceType.EVENT_CUSTOMER, ActionType.PLAIN_MESSAGE, channels);

    channels.clear();

    assertThat(draft.channels()).hasSize(1);
  }

  @Test
  void anEmailChannelNeedsASubjectAndABody() {
    assertRefused(() -> new EmailChannel(" ", "<p>x</p>", null), "missing_field", "channels[].subject");
    assertRefused(() -> new EmailChannel("Hi", null, " "), "missing_field", "channels[].html");
    assertThat(new EmailChannel("Hi", null, "text only").html()).isNull();
    assertThat(new EmailChannel("Hi", "<p>html only</p>", null).text()).isNull();
  }

  @Test
  void anEmailSubjectIsLimitedTo998Characters() {
    assertRefused(() -> new EmailChannel("s".repeat(999), "<p>x</p>", null), "too_long", "channels[].subject");
    assertThat(new EmailChannel("s".repeat(998), "<p>x</p>", null).subject()).hasSize(998);
  }
}
