package herald.domain.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.common.Invalid;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that input is refused with a machine-readable code and the field at fault. */
public final class Refusals {
  private Refusals() {}

  public static Invalid assertRefused(ThrowingCallable call, String code, String field) {
    Invalid invalid = catchThrowableOfType(Invalid.class, call);
    assertThat(invalid).as("refused with Invalid").isNotNull();
    assertThat(invalid.code()).as("code").isEqualTo(code);
    assertThat(invalid.field()).as("field").isEqualTo(field);
    return invalid;
  }
}
