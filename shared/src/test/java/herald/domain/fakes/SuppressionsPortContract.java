package herald.domain.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.suppressions.Suppression;
import herald.domain.suppressions.Suppressions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the suppression list's port promises for a batch's read, checked the same way against the in-memory fake
 * (SuppressionAndFeedbackFakesTest) and the DynamoDB adapter on dynalite (DynamoDbSuppressionsTest).
 */
public final class SuppressionsPortContract {
  private SuppressionsPortContract() {}

  /**
   * Of 250 addresses asked together (more than one read holds), the ones on the list, lowercased, whatever their
   * case; none asked, none found.
   */
  public static void aBatchOfAddressesFindsTheOnesOnTheListWhateverTheirCase(Suppressions fresh) {
    Instant at = Instant.parse("2026-12-06T10:00:00Z");
    fresh.add("Gone@Mail.Example", Suppression.HARD_BOUNCE, at);
    fresh.add("user-120@mail.example", Suppression.COMPLAINT, at);
    fresh.add("user-249@mail.example", Suppression.COMPLAINT, at);
    fresh.add("not-asked@mail.example", Suppression.COMPLAINT, at);
    List<String> asked = new ArrayList<>(List.of("gone@MAIL.example", "GONE@mail.example"));
    for (int i = 0; i < 248; i++) asked.add((i == 120 ? "USER-" : "user-") + i + "@mail.example");
    asked.add("user-249@mail.example");

    assertThat(fresh.suppressed(asked))
        .containsExactlyInAnyOrder("gone@mail.example", "user-120@mail.example", "user-249@mail.example");
    assertThat(fresh.suppressed(List.of())).isEmpty();
  }
}
