package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.domain.common.Invalid;
import herald.domain.common.Page;
import herald.domain.suppressions.Suppression;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbSuppressionsTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private DynamoDbSuppressions suppressions;

  @BeforeEach
  void freshTable() {
    Env env = StandIns.get().freshEnv();
    suppressions = new DynamoDbSuppressions(StandIns.dynamo(env), env.get("SUPPRESSIONS_TABLE"));
  }

  @Test
  void anAddressIsSuppressedWhateverItsCaseAndKeepsItsFirstReason() {
    suppressions.add("Gone.Away@Mail.Example", Suppression.HARD_BOUNCE, T0);
    suppressions.add("gone.away@mail.example", Suppression.COMPLAINT, T0.plusSeconds(60));

    assertThat(suppressions.contains("GONE.AWAY@mail.example")).isTrue();
    assertThat(suppressions.contains("ada@mail.example")).isFalse();
    assertThat(suppressions.list(null, 10).items())
        .containsExactly(new Suppression("gone.away@mail.example", Suppression.HARD_BOUNCE, T0));
  }

  @Test
  void aBatchOfAddressesIsReadTogether() {
    herald.domain.fakes.SuppressionsPortContract.aBatchOfAddressesFindsTheOnesOnTheListWhateverTheirCase(suppressions);
  }

  @Test
  void removingTakesTheAddressOffOnlyOnce() {
    suppressions.add("ada@mail.example", Suppression.COMPLAINT, T0);

    assertThat(suppressions.remove("Ada@mail.example")).isTrue();
    assertThat(suppressions.remove("ada@mail.example")).isFalse();
    assertThat(suppressions.contains("ada@mail.example")).isFalse();
  }

  @Test
  void pagesThroughTheWholeListWithACursor() {
    for (int i = 0; i < 7; i++) suppressions.add("c" + i + "@mail.example", Suppression.HARD_BOUNCE, T0);
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<Suppression> page = suppressions.list(cursor, 3);
      page.items().forEach(s -> seen.add(s.address()));
      cursor = page.next();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).hasSize(7);
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  void aCursorItDidNotMakeIsRefused() {
    assertThatThrownBy(() -> suppressions.list("not-a-cursor", 3))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
    assertThatThrownBy(() -> suppressions.list("eyJpZCI6IngifQ", 3)).isInstanceOf(Invalid.class);
  }
}
