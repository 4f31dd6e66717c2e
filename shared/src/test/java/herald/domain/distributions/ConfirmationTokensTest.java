package herald.domain.distributions;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.common.Conflict;
import herald.domain.common.SigningKey;
import herald.domain.fakes.Samples;
import org.junit.jupiter.api.Test;

class ConfirmationTokensTest {
  private final ConfirmationTokens tokens = new ConfirmationTokens(new SigningKey("a-signing-key-of-this-deployment"));
  private final Distribution draft = Samples.distribution("dist_1", DistributionStatus.DRAFT, Samples.manual());

  @Test
  void confirmsTheVersionItWasIssuedForUntilItExpires() {
    ConfirmationTokens.Token token = tokens.issue(draft, T0);
    assertThat(token.expiresAt()).isEqualTo(T0.plus(ConfirmationTokens.LIFETIME));
    assertThatCode(() -> tokens.check(draft, token.value(), T0.plusSeconds(60))).doesNotThrowAnyException();
    assertThat(refused(draft, token.value(), token.expiresAt()).code()).isEqualTo("confirmation_token_expired");
  }

  @Test
  void anEditAnotherDistributionOrAnotherDeploymentMakesItForeign() {
    String token = tokens.issue(draft, T0).value();
    Distribution edited = draft.moveTo(DistributionStatus.SCHEDULED, T0);
    assertThat(refused(edited, token, T0).code()).isEqualTo("confirmation_token_invalid");
    Distribution other = Samples.distribution("dist_2", DistributionStatus.DRAFT, Samples.manual());
    assertThat(refused(other, token, T0).code()).isEqualTo("confirmation_token_invalid");
    String elsewhere = new ConfirmationTokens(new SigningKey("another-deployment-signing-key")).issue(draft, T0).value();
    assertThat(refused(draft, elsewhere, T0).code()).isEqualTo("confirmation_token_invalid");
    String later = (Long.parseLong(token.substring(0, token.indexOf('.'))) + 3600) + token.substring(token.indexOf('.'));
    assertThat(refused(draft, later, T0).code()).as("a stretched expiry breaks the signature")
        .isEqualTo("confirmation_token_invalid");
    for (String garbage : new String[] {"", ".", "abc", "12.", ".sig", "x.y"}) {
      assertThat(refused(draft, garbage, T0).code()).isEqualTo("confirmation_token_invalid");
    }
  }

  private Conflict refused(Distribution d, String token, java.time.Instant now) {
    Conflict conflict = catchThrowableOfType(Conflict.class, () -> tokens.check(d, token, now));
    assertThat(conflict).as("refused").isNotNull();
    return conflict;
  }
}
