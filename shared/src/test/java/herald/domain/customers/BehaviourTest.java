package herald.domain.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BehaviourTest {
  private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void stopsTrackingNewEventNamesAtTheLimitButKeepsCountingTheKnownOnes() {
    Behaviour behaviour = Behaviour.NONE;
    for (int i = 0; i < Behaviour.MAX_EVENT_NAMES; i++) {
      behaviour = behaviour.withEvent("evt_" + i, "viewed_product_" + i, AT);
    }

    Behaviour more = behaviour.withEvent("evt_new", "viewed_product_new", AT)
        .withEvent("evt_again", "viewed_product_7", AT.plusSeconds(60));

    assertThat(more.events()).hasSize(Behaviour.MAX_EVENT_NAMES).doesNotContainKey("viewed_product_new");
    assertThat(more.events().get("viewed_product_7")).isEqualTo(new Behaviour.EventStats(2, AT.plusSeconds(60)));
    // both events are remembered, so a redelivery of either is still recognised
    assertThat(more.counted("evt_new")).isTrue();
    assertThat(more.counted("evt_again")).isTrue();
  }

  @Test
  void remembersOnlyTheLastWindowOfEventIds() {
    Behaviour behaviour = Behaviour.NONE;
    for (int i = 0; i <= Behaviour.WINDOW; i++) behaviour = behaviour.withEvent("evt_" + i, "signed_in", AT);

    assertThat(behaviour.counted("evt_0")).isFalse();
    assertThat(behaviour.counted("evt_1")).isTrue();
    assertThat(behaviour.events().get("signed_in").count()).isEqualTo(Behaviour.WINDOW + 1);
  }
}
