package herald.domain.channels;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.testing.TestChannels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry: the kinds as bound, a type that is no kind's, and a kind bound under a type that is not its own. */
class ChannelKindsTest {
  private final ChannelKinds kinds = TestChannels.kinds();

  @Test
  void holdsTheKindsInTheOrderTheyAreBound() {
    assertThat(kinds.all()).extracting(ChannelKind::type)
        .containsExactly("email", "sms", "webhook", "braze", "mailchimp", "klaviyo", "intercom");
    assertThat(kinds.find("fax")).isEmpty();
    assertThatThrownBy(() -> kinds.get("fax")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fax");
  }

  @Test
  void refusesATypeNoKindIsBoundForNamingTheTypesThereAre() {
    var refused = assertRefused(() -> kinds.parse(Map.of("type", "fax"), 1), "invalid_value", "channels[1].type");

    assertThat(refused.getMessage()).endsWith("use one of email, sms, webhook, braze, mailchimp, klaviyo, intercom");
    assertRefused(() -> kinds.parse(Map.of("type", 3), 1), "invalid_type", "channels[1].type");
    assertRefused(() -> kinds.parse(Map.of("subject", "x"), 1), "missing_field", "channels[1].type");
    assertRefused(() -> kinds.parse(List.of("email"), 1), "invalid_type", "channels[1]");
  }

  @Test
  void refusesAKindBoundUnderATypeThatIsNotItsOwn() {
    ChannelKind sms = kinds.get("sms");

    assertThatThrownBy(() -> new ChannelKinds(Map.of("email", sms))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bound under email but its type is sms");
  }
}
