package herald.domain.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Invalid;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodeConfigTest {
  @Test
  void aPatternsHashesBecomeCharactersOfTheCharsetAndOverrideTheLength() {
    CodeConfig config = new CodeConfig(12, "uppercase", "", "", "WELCOME-####");
    Random random = new Random(7);
    for (int i = 0; i < 100; i++) assertThat(config.generate(random)).matches("WELCOME-[A-Z]{4}");
    assertThat(config.slots()).isEqualTo(4);
    assertThat(config.space()).isEqualTo(BigInteger.valueOf(26L * 26 * 26 * 26));
  }

  @Test
  void lengthCharactersOfTheCharsetGoBetweenPrefixAndPostfix() {
    CodeConfig config = new CodeConfig(6, "aab1", "X-", "-Y", null);
    assertThat(config.characters()).isEqualTo("ab1");
    assertThat(config.generate(new Random(1))).matches("X-[ab1]{6}-Y");
    assertThat(CodeConfig.defaults().generate(new Random(2))).matches("[0-9A-Za-z]{8}");
  }

  @Test
  void aCampaignHoldsAtMostHalfItsCodeSpaceAndAPatternWithoutHashOneCode() {
    CodeConfig digits = new CodeConfig(8, "numbers", "", "", "CODE-##");
    digits.checkRoom(40, 10, "count");
    assertThatThrownBy(() -> digits.checkRoom(41, 10, "count")).isInstanceOf(Invalid.class)
        .hasFieldOrPropertyWithValue("code", "code_space_too_small").hasFieldOrPropertyWithValue("field", "count");
    CodeConfig fixed = new CodeConfig(8, "numbers", "", "", "SUMMER");
    fixed.checkRoom(1, 0, "count");
    assertThatThrownBy(() -> fixed.checkRoom(2, 0, "count")).hasFieldOrPropertyWithValue("code", "code_space_too_small");
  }

  @Test
  void anEmptyCharsetOrOneWithBlanksIsRefused() {
    assertThatThrownBy(() -> new CodeConfig(8, "", "", "", null)).hasFieldOrPropertyWithValue("field", "code_config.charset");
    assertThatThrownBy(() -> new CodeConfig(8, "ab#", "", "", null)).hasFieldOrPropertyWithValue("field", "code_config.charset");
    assertThatThrownBy(() -> new CodeConfig(8, "abc", "a b", "", null)).hasFieldOrPropertyWithValue("field", "code_config.prefix");
  }
}
