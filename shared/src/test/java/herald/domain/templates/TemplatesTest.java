package herald.domain.templates;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
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
    templates.check(template, "subject", Variable.freeForm(), false);

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
    assertThatCode(() -> templates.check("Hi {{customer.name}} {{#event.data}}{{order_id}}{{/event.data}}", "subject",
        Variable.freeForm(), false))
        .doesNotThrowAnyException();
    assertThatCode(() -> templates.check(null, "channels[0].text", Variable.freeForm(), false))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{#unclosed}}", "{{/notopen}}", "{{#a}}{{/b}}", "{{#a}}x{{^a}}"})
  void checkRejectsATemplateThatDoesNotCompile(String template) {
    assertRefused(() -> templates.check(template, "channels[0].html", Variable.freeForm(), true), "invalid_template",
        "channels[0].html");
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
    assertRefused(() -> templates.check(template, "channels[0].html", Variable.freeForm(), true), "invalid_template",
        "channels[0].html");
  }

  private static final Map<String, Object> DATA = Map.of(
      "customer", Map.of("name", "Ada", "metadata", Map.of("tier", "gold")),
      "tags", List.of("a", "b"),
      "items", List.of(Map.of("n", "x")));

  @ParameterizedTest
  @ValueSource(strings = {"{{customer.name.bytes}}", "{{customer.name.length}}", "{{customer.name.class}}",
      "{{customer.name.hashCode}}", "{{customer.name.getClass}}", "{{customer.name.empty}}",
      "{{customer.name.toString}}", "{{customer.name.blank}}", "{{customer.class}}", "{{customer.size}}",
      "{{customer.empty}}", "{{customer.keySet}}", "{{customer.entrySet}}", "{{customer.values}}",
      "{{customer.metadata.class.name}}", "{{tags.size}}", "{{tags.0}}", "{{tags.first}}", "{{tags.class}}",
      "{{#customer.name}}{{bytes}}{{length}}{{class}}{{hashCode}}{{/customer.name}}",
      "{{#tags}}{{length}}{{bytes}}{{/tags}}", "{{#items}}{{class}}{{size}}{{/items}}",
      "{{#customer}}{{size}}{{class.name}}{{/customer}}"})
  void seesDataOnlyNeverAJavaMethodOrField(String template) {
    assertThat(templates.renderPlain(template, DATA)).isEmpty();
    assertThat(templates.renderHtml(template, DATA)).isEmpty();
  }

  @Test
  void stillReadsMapsListsAndScalars() {
    assertThat(templates.renderPlain("{{customer.name}} {{customer.metadata.tier}} {{#tags}}{{.}},{{/tags}}"
        + "{{#items}}{{n}}{{customer.name}}{{/items}} {{#customer}}{{name}}{{/customer}}", DATA))
        .isEqualTo("Ada gold a,b,xAda Ada");
  }

  @Test
  void fourNestedSectionsOverAHundredItemsStopAtTheSizeLimitInsteadOfRendering100MB() {
    Map<String, Object> hundred = Map.of("items", Collections.nCopies(100, Map.of("n", "x")));
    String template = "{{#items}}{{#items}}{{#items}}{{#items}}{{n}}{{/items}}{{/items}}{{/items}}{{/items}}";

    TemplateRefused refused = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> catchThrowableOfType(TemplateRefused.class, () -> templates.renderHtml(template, hundred)));

    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.code()).isEqualTo("template_too_large");
    assertThat(refused.getMessage()).contains("256 KiB");
  }

  @Test
  void theLimitIs256KiBOfUtf8PerRenderedPart() {
    Map<String, Object> exactly = Map.of("l", Collections.nCopies(128 * 1024, "\u00e9"));   // 2 bytes each
    Map<String, Object> oneMore = Map.of("l", Collections.nCopies(128 * 1024 + 1, "\u00e9"));

    assertThat(templates.renderPlain("{{#l}}{{.}}{{/l}}", exactly)).hasSize(128 * 1024);
    assertThat(catchThrowableOfType(TemplateRefused.class, () -> templates.renderPlain("{{#l}}{{.}}{{/l}}", oneMore))
        .code()).isEqualTo("template_too_large");
    assertThat(catchThrowableOfType(TemplateRefused.class, () -> templates.renderHtml("{{#l}}{{.}}{{/l}}", oneMore))
        .code()).isEqualTo("template_too_large");
  }

  @Test
  void aJsonBodyIsOnePartWithOneLimit() {
    Map<String, Object> data = Map.of("l", Collections.nCopies(100 * 1024, "x"));
    Map<String, Object> body = Map.of("a", "{{#l}}{{.}}{{/l}}", "b", List.of("{{#l}}{{.}}{{/l}}", "{{#l}}{{.}}{{/l}}"));

    assertThat(((Map<?, ?>) templates.renderJson(Map.of("a", "{{#l}}{{.}}{{/l}}"), data)).get("a").toString())
        .hasSize(100 * 1024);
    assertThat(catchThrowableOfType(TemplateRefused.class, () -> templates.renderJson(body, data)).code())
        .isEqualTo("template_too_large");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<p>{{{customer.name}}}</p>", "<p>{{&customer.name}}</p>", "<p>{{& customer.name}}</p>"})
  void anHtmlBodyNeverRendersAValueUnescapedEvenIfStoredBeforeTheCheck(String template) {
    TemplateRefused refused = catchThrowableOfType(TemplateRefused.class, () -> templates.renderHtml(template, scope));

    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.code()).isEqualTo("unescaped_html");
  }

  @Test
  void plainPartsMayRenderUnescapedSinceTheyAreNotHtml() {
    assertThat(templates.renderPlain("{{{customer.name}}} {{&customer.name}}", scope))
        .isEqualTo("<b>Tom & \"Jerry\"</b> <b>Tom & \"Jerry\"</b>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{=<% %>=}}<%{customer.name}%>", "{{=<% %>=}}<%customer.name%>", "{{= | | =}}|customer.name|"})
  void delimiterChangesAreRefusedEverywhere(String template) {
    assertThat(catchThrowableOfType(TemplateRefused.class, () -> templates.renderHtml(template, scope)).code())
        .isEqualTo("delimiter_change");
    assertThat(catchThrowableOfType(TemplateRefused.class, () -> templates.renderPlain(template, scope)).code())
        .isEqualTo("delimiter_change");
  }
}
