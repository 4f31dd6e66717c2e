package herald.domain.distributions;

import static herald.domain.distributions.DistributionStatus.ACTIVE;
import static herald.domain.distributions.DistributionStatus.ARCHIVED;
import static herald.domain.distributions.DistributionStatus.DRAFT;
import static herald.domain.distributions.DistributionStatus.PAUSED;
import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.domain.common.Conflict;
import herald.domain.fakes.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionLifecycleTest {
  /** The automatic lifecycle: every other pair of statuses is refused for an automatic distribution. */
  private static final Set<List<DistributionStatus>> ALLOWED = Set.of(
      List.of(DRAFT, ACTIVE), List.of(DRAFT, ARCHIVED),
      List.of(ACTIVE, PAUSED), List.of(ACTIVE, ARCHIVED),
      List.of(PAUSED, ACTIVE), List.of(PAUSED, ARCHIVED));
  /** The manual lifecycle. */
  static final Set<List<DistributionStatus>> MANUAL_ALLOWED = Set.of(
      List.of(DRAFT, DistributionStatus.SCHEDULED), List.of(DRAFT, DistributionStatus.STOPPED),
      List.of(DistributionStatus.SCHEDULED, DistributionStatus.SENDING),
      List.of(DistributionStatus.SCHEDULED, DistributionStatus.STOPPED),
      List.of(DistributionStatus.SENDING, DistributionStatus.DONE),
      List.of(DistributionStatus.SENDING, DistributionStatus.STOPPED));
  private static final Instant LATER = T0.plusSeconds(3600);

  static Stream<Arguments> allowed() {
    return ALLOWED.stream().map(t -> Arguments.of(t.get(0), t.get(1)));
  }

  static Stream<Arguments> refused() {
    List<Arguments> refused = new ArrayList<>();
    for (DistributionStatus from : DistributionStatus.values()) {
      for (DistributionStatus to : DistributionStatus.values()) {
        if (from != to && !ALLOWED.contains(List.of(from, to))) refused.add(Arguments.of(from, to));
      }
    }
    return refused.stream();
  }

  private static Distribution at(DistributionStatus status) {
    return Samples.distribution("d1", status, Samples.orderPaid());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("allowed")
  void anAllowedTransitionChangesTheStatusAndIncrementsTheVersion(DistributionStatus from, DistributionStatus to) {
    assertThat(from.canBecome(to, false)).isTrue();
    Distribution before = at(from);

    Distribution after = before.moveTo(to, LATER);

    assertThat(after.status()).isEqualTo(to);
    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.updatedAt()).isEqualTo(LATER);
    assertThat(after.createdAt()).isEqualTo(T0);
    assertThat(after).usingRecursiveComparison().ignoringFields("status", "version", "updatedAt").isEqualTo(before);
    assertThat(before.status()).isEqualTo(from);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("refused")
  void aRefusedTransitionThrowsInvalidTransition(DistributionStatus from, DistributionStatus to) {
    assertThat(from.canBecome(to, false)).isFalse();

    Conflict conflict = catchThrowableOfType(Conflict.class, () -> at(from).moveTo(to, LATER));

    assertThat(conflict).isNotNull();
    assertThat(conflict.code()).isEqualTo("invalid_transition");
  }

  @Test
  void theManualLifecycleAllowsExactlyItsOwnTransitions() {
    for (DistributionStatus from : DistributionStatus.values()) {
      for (DistributionStatus to : DistributionStatus.values()) {
        if (from == to) continue;
        assertThat(from.canBecome(to, true)).as(from + " -> " + to + " (manual)")
            .isEqualTo(MANUAL_ALLOWED.contains(List.of(from, to)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DistributionStatus.class)
  void movingToTheCurrentStatusChangesNothing(DistributionStatus status) {
    Distribution current = at(status);

    Distribution moved = current.moveTo(status, LATER);

    assertThat(moved.version()).isEqualTo(1);
    assertThat(moved.updatedAt()).isEqualTo(T0);
  }

  @Test
  void anArchivedDistributionCanNeverComeBack() {
    Distribution archived = at(ACTIVE).moveTo(ARCHIVED, LATER);

    for (DistributionStatus next : List.of(DRAFT, ACTIVE, PAUSED)) {
      assertThat(catchThrowableOfType(Conflict.class, () -> archived.moveTo(next, LATER)))
          .as(next.name()).isNotNull();
    }
  }
}
