package herald.domain.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsSegmentsTest {
  @ParameterizedTest(name = "{0} GSM-7 characters: {1} segments")
  @CsvSource({"1,1", "160,1", "161,2", "306,2", "307,3", "459,3", "460,4", "1600,11"})
  void gsm7TextFits160InOneAnd153PerPart(int length, int segments) {
    assertThat(SmsSegments.count("a".repeat(length))).isEqualTo(segments);
  }

  @ParameterizedTest(name = "{0} UCS-2 characters: {1} segments")
  @CsvSource({"70,1", "71,2", "134,2", "135,3"})
  void ucs2TextFits70InOneAnd67PerPart(int length, int segments) {
    String text = "ж".repeat(length);

    assertThat(SmsSegments.gsm7(text)).isFalse();
    assertThat(SmsSegments.count(text)).isEqualTo(segments);
  }

  @Test
  void oneCharacterOutsideGsm7MakesTheWholeTextUcs2() {
    assertThat(SmsSegments.count("a".repeat(70))).isEqualTo(1);
    assertThat(SmsSegments.count("a".repeat(69) + "😀")).isEqualTo(2);   // an emoji is two UTF-16 units
    assertThat(SmsSegments.count("a".repeat(100) + "ć")).isEqualTo(2);
    assertThat(SmsSegments.count("Grüße, Ærø ñ à é ù")).isEqualTo(1);
    assertThat(SmsSegments.gsm7("Grüße, Ærø ñ à é ù @£$¥ ¿¡ ΔΦΓΛΩΠΨΣΘΞ")).isTrue();
  }

  @Test
  void extensionCharactersCountTwice() {
    assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(1);
    assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(159) + "[")).isEqualTo(2);
    assertThat(SmsSegments.count("a".repeat(158) + "{")).isEqualTo(1);
    assertThat(SmsSegments.gsm7("^{}\\[~]|€")).isTrue();
  }

  @Test
  void anExtensionCharacterIsNotSplitAcrossParts() {
    // 152 septets then a two-septet character: it moves whole to the second part
    assertThat(SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152))).isEqualTo(3);
    assertThat(SmsSegments.count("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(2);
  }

  @Test
  void anEmojiIsNotSplitAcrossParts() {
    assertThat(SmsSegments.count("ж".repeat(66) + "😀" + "ж".repeat(66))).isEqualTo(3);
    assertThat(SmsSegments.count("ж".repeat(65) + "😀" + "ж".repeat(67))).isEqualTo(2);
  }

  @Test
  void noTextTakesNoSegment() {
    assertThat(SmsSegments.count("")).isZero();
    assertThat(SmsSegments.count(null)).isZero();
  }
}
