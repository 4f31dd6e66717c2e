package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {
  @ParameterizedTest(name = "{0} is every {1}")
  @CsvSource({
      "rate(1 minute), PT1M",
      "rate(15 minutes), PT15M",
      "rate(1 hour), PT1H",
      "rate(6 hours), PT6H",
      "rate(1 day), PT24H",
      "rate(7 days), PT168H",
      "' rate(2 days) ', PT48H",
  })
  void readsARateAsItsPeriod(String expression, Duration period) {
    assertThat(ScheduleExpression.period(expression)).isEqualTo(period);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cron(0 3 * * ? *)", "cron(0/15 * ? * MON-FRI *)"})
  void acceptsACronExpressionWithoutAPeriod(String expression) {
    assertThat(ScheduleExpression.period(expression)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rate(1 days)", "rate(2 day)", "rate(0 minutes)", "rate(5 seconds)", "rate(-1 day)",
      "rate(1.5 hours)", "rate(1day)", "every day", "", "at(2026-01-01T00:00:00)"})
  void refusesWhatAwsRefuses(String expression) {
    assertThatThrownBy(() -> ScheduleExpression.period(expression)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schedule");
  }
}
