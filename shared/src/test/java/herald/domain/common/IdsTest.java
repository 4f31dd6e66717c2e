package herald.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void aDerivedIdIsTheSameForTheSameParts() {
    assertThat(Ids.derived("msg_", "a", "b")).isEqualTo(Ids.derived("msg_", "a", "b")).startsWith("msg_").hasSize(36);
  }

  @Test
  void aDerivedIdKeepsItsPartsApartWhateverTheyContain() {
    assertThat(Ids.derived("x_", "ab", "c")).isNotEqualTo(Ids.derived("x_", "a", "bc"));
    assertThat(Ids.derived("x_", "a\0", "b")).isNotEqualTo(Ids.derived("x_", "a", "\0b"));
    assertThat(Ids.derived("x_", "a", "")).isNotEqualTo(Ids.derived("x_", "a"));
  }

  @Test
  void randomIdsDiffer() {
    assertThat(Ids.random("evt_")).isNotEqualTo(Ids.random("evt_")).startsWith("evt_");
  }
}
