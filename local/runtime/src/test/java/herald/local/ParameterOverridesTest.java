package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.sam.Template;
import herald.sam.TemplateReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Template parameters given as sam deploy's --parameter-overrides, checked against the real template. */
class ParameterOverridesTest {
  private static final Template TEMPLATE = read();

  private static Template read() {
    try {
      return TemplateReader.read(java.nio.file.Path.of(System.getProperty("basedir", "."))
          .resolve("../../template.yaml").normalize());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void readsPairsTheWaySamDeployTakesThem() {
    assertThat(ParameterOverrides.parse(" ManualGraceSeconds=5  LogRetentionDays=7 ")).containsExactly(
        Map.entry("ManualGraceSeconds", "5"), Map.entry("LogRetentionDays", "7"));
    assertThat(ParameterOverrides.parse("ParameterKey=ManualGraceSeconds,ParameterValue=5"))
        .containsExactly(Map.entry("ManualGraceSeconds", "5"));
    assertThat(ParameterOverrides.parse("WebhookAllowlist=a,b=c")).containsEntry("WebhookAllowlist", "a,b=c");
    assertThat(ParameterOverrides.parse("")).isEmpty();
    assertThatThrownBy(() -> ParameterOverrides.parse("ManualGraceSeconds")).hasMessageContaining("Key=Value");
  }

  @Test
  void overridesWinOverTheLocalValuesAndTheDefaults() {
    Map<String, String> values = ParameterOverrides.apply(TEMPLATE, LocalParameters.of("a-local-key-of-16+"),
        Map.of("ManualGraceSeconds", "5", "WebhookAllowlist", "hooks.test"));
    assertThat(values).containsEntry("ManualGraceSeconds", "5").containsEntry("WebhookAllowlist", "hooks.test")
        .containsEntry("ApiKey", "a-local-key-of-16+");
  }

  @Test
  void refusesAnUnknownNameOrAValueThePlatformWouldRefuse() {
    assertThatThrownBy(() -> ParameterOverrides.apply(TEMPLATE, Map.of(), Map.of("ManualGrace", "5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ManualGrace")
        .hasMessageContaining("ManualGraceSeconds");
    assertThatThrownBy(() -> ParameterOverrides.apply(TEMPLATE, Map.of(), Map.of("ManualGraceSeconds", "901")))
        .hasMessageContaining("MaxValue 900");
    assertThatThrownBy(() -> ParameterOverrides.apply(TEMPLATE, Map.of(), Map.of("ManualGraceSeconds", "soon")))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> ParameterOverrides.apply(TEMPLATE, Map.of(), Map.of("LogRetentionDays", "2")))
        .hasMessageContaining("is not one of");
    assertThatThrownBy(() -> ParameterOverrides.apply(TEMPLATE, Map.of(), Map.of("SegmentRefreshSchedule", "daily")))
        .hasMessageContaining("does not match");
  }
}
