package herald.domain.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeSequenceTest {
  private static final byte[] KEY = "0123456789abcdef".getBytes();
  private static final byte[] OTHER_KEY = "fedcba9876543210".getBytes();

  @Test
  void everyIndexOfASmallSpaceGivesADifferentCodeOfThePattern() {
    CodeConfig config = new CodeConfig(8, "numbers", "", "", "T-###");
    CodeSequence sequence = new CodeSequence(config, KEY);
    assertThat(sequence.size()).isEqualTo(1000);
    List<String> all = sequence.codes(0, 1000);
    assertThat(new HashSet<>(all)).hasSize(1000);
    assertThat(all).allMatch(code -> code.matches("T-[0-9]{3}"));
    assertThat(all.subList(0, 10)).as("not in order").isNotEqualTo(List.of("T-000", "T-001", "T-002", "T-003",
        "T-004", "T-005", "T-006", "T-007", "T-008", "T-009"));
  }

  @Test
  void aRangeGivesTheSameCodesHoweverItIsCutAndAnotherKeyGivesOthers() {
    CodeConfig config = new CodeConfig(10, "alphanumeric", "W-", "-X", null);
    CodeSequence sequence = new CodeSequence(config, KEY);
    List<String> whole = sequence.codes(5_000, 3_000);
    List<String> cut = new java.util.ArrayList<>(sequence.codes(5_000, 1_000));
    cut.addAll(new CodeSequence(config, KEY).codes(6_000, 2_000));
    assertThat(cut).isEqualTo(whole);
    assertThat(whole).allMatch(code -> code.matches("W-[A-Za-z0-9]{10}-X"));
    assertThat(new HashSet<>(whole)).hasSize(3_000);
    List<String> other = new CodeSequence(config, OTHER_KEY).codes(5_000, 3_000);
    Set<String> shared = new HashSet<>(whole);
    shared.retainAll(other);
    assertThat(shared.size()).isLessThan(3);
  }

  @Test
  void aSpaceLargerThanTheDomainUsesEveryPositionOfALongCode() {
    CodeConfig config = new CodeConfig(24, "uppercase", "", "", null);
    CodeSequence sequence = new CodeSequence(config, KEY);
    assertThat(sequence.size()).isEqualTo(1L << 62);
    List<String> codes = sequence.codes((1L << 62) - 20_000, 20_000);
    assertThat(new HashSet<>(codes)).hasSize(20_000);
    assertThat(codes).allMatch(code -> code.matches("[A-Z]{24}"));
    for (int position = 0; position < 24; position++) {
      int p = position;
      Set<Character> seen = codes.stream().map(c -> c.charAt(p)).collect(Collectors.toSet());
      assertThat(seen).as("characters at position " + p).hasSize(26);
    }
  }

  @Test
  void aCodeOfTheSequenceSaysNothingOfItsNeighbour() {
    CodeSequence sequence = new CodeSequence(new CodeConfig(8, "numbers", "", "", null), KEY);
    List<String> codes = sequence.codes(0, 2_000);
    long close = 0;
    for (int i = 1; i < codes.size(); i++) {
      if (Math.abs(Long.parseLong(codes.get(i)) - Long.parseLong(codes.get(i - 1))) < 1_000_000) close++;
    }
    assertThat(close).as("neighbours within 1% of the space").isLessThan(80);
  }

  @Test
  void indexesOutsideTheSequenceAreRefused() {
    CodeSequence sequence = new CodeSequence(new CodeConfig(8, "numbers", "", "", "##"), KEY);
    assertThat(sequence.codes(99, 1)).hasSize(1);
    assertThatThrownBy(() -> sequence.codes(99, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sequence.codes(-1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
