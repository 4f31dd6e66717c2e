package herald.domain.templates;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {
  private final Templates templates = new Templates();
  private final Map<String, Object> scope = Map.of("customer", Map.of("name", "<b>Tom & \"Jerry\"</b>"));

  @Test
  void htmlEscapesValues() {
    assertThat(templates.renderHtml("<p>{{customer.name}}</p>", scope))
        .isEqualTo("<p>&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;</p>");
  }

  @Test
  void plainKeepsValuesAsWritten() {
    assertThat(templates.renderPlain("Hi {{customer.name}}", scope)).isEqualTo("Hi <b>Tom & \"Jerry\"</b>");
  }

  @Test
  void cachingDoesNotMixHtmlAndPlain() {
    String template = "{{customer.name}}";

    String html = templates.renderHtml(template, scope);
    String plain = templates.renderPlain(template, scope);
    String htmlAgain = templates.renderHtml(template, scope);

    assertThat(html).isEqualTo("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;");
    assertThat(plain).isEqualTo("<b>Tom & \"Jerry\"</b>");
    assertThat(htmlAgain).isEqualTo(html);
  }

  @Test
  void cachingDoesNotMixPlainAndHtmlWhenPlainCompiledFirst() {
    String template = "[{{customer.name}}]";
    templates.check(template, "subject");

    assertThat(templates.renderPlain(template, scope)).isEqualTo("[<b>Tom & \"Jerry\"</b>]");
    assertThat(templates.renderHtml(template, scope)).isEqualTo("[&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;]");
  }

  @Test
  void aCachedTemplateRendersEachScopeAfresh() {
    String template = "Hi {{customer.name}}";

    assertThat(templates.renderPlain(template, Map.of("customer", Map.of("name", "Ada")))).isEqualTo("Hi Ada");
    assertThat(templates.renderPlain(template, Map.of("customer", Map.of("name", "Bob")))).isEqualTo("Hi Bob");
  }

  @Test
  void manyTemplatesStillRenderCorrectlyPastTheCacheSize() {
    for (int i = 0; i < 1100; i++) {
      assertThat(templates.renderPlain(i + ":{{customer.name}}", Map.of("customer", Map.of("name", "Ada"))))
          .isEqualTo(i + ":Ada");
    }
  }

  @Test
  void aMissingVariableRendersEmpty() {
    assertThat(templates.renderPlain("Hi {{customer.nickname}}!", scope)).isEqualTo("Hi !");
  }

  @Test
  void sectionsIterateAndTest() {
    Map<String, Object> data = Map.of("items", List.of(Map.of("n", "a"), Map.of("n", "b")), "vip", true);

    assertThat(templates.renderPlain("{{#items}}{{n}},{{/items}}{{#vip}}VIP{{/vip}}{{^vip}}no{{/vip}}", data))
        .isEqualTo("a,b,VIP");
  }

  @Test
  void aNullTemplateRendersNull() {
    assertThat(templates.renderHtml(null, scope)).isNull();
    assertThat(templates.renderPlain(null, scope)).isNull();
  }

  @Test
  void checkAcceptsAValidTemplate() {
    assertThatCode(() -> templates.check("Hi {{customer.name}} {{#event.data}}{{order_id}}{{/event.data}}", "subject"))
        .doesNotThrowAnyException();
    assertThatCode(() -> templates.check(null, "channels[0].text")).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{#unclosed}}", "{{/notopen}}", "{{#a}}{{/b}}", "{{#a}}x{{^a}}"})
  void checkRejectsATemplateThatDoesNotCompile(String template) {
    assertRefused(() -> templates.check(template, "channels[0].html"), "invalid_template", "channels[0].html");
  }

  @Test
  void aTemplateCannotIncludeFilesOrClasspathResources() {
    String template = "<p>{{>META-INF/MANIFEST.MF}}</p>";

    String rendered;
    try {
      rendered = templates.renderHtml(template, scope);
    } catch (RuntimeException refusedToRender) {
      rendered = "";
    }
    assertThat(rendered).doesNotContain("Manifest-Version");
    assertRefused(() -> templates.check(template, "channels[0].html"), "invalid_template", "channels[0].html");
  }
}
