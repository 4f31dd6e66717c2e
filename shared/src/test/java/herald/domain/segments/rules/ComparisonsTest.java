package herald.domain.segments.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComparisonsTest {

  @Test
  void readsNumericTextExactlyAsJavaDoes() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
      int digits = 1 + random.nextInt(18);
      int point = random.nextInt(digits + 2) - 1;
      for (int d = 0; d < digits; d++) {
        if (d == point) text.append('.');
        text.append((char) ('0' + random.nextInt(10)));
      }
      String s = text.toString();
      assertThat(Comparisons.number(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.", ".5", "+7", "-0.0", "1e3", "-2.5E-2", "12345678901234567890", "007"})
  void readsEveryPlainDecimalForm(String text) {
    assertThat(Comparisons.number(text)).isEqualTo(Double.parseDouble(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "-", "1.2.3", "1e", "e5", "NaN", "Infinity", "0x1F", "10f", "1_000", " 1", "1 ",
      "١٢"})
  void readsNoOtherTextAsANumber(String text) {
    assertThat(Comparisons.number(text)).isNaN();
  }
}
