package herald.local;

import herald.sam.Template;
import herald.sam.TemplateReader;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the test resources are. */
final class Fixtures {
  private Fixtures() {}

  static Path template() {
    try {
      return Path.of(Fixtures.class.getResource("/fixture-template.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Template read() {
    try {
      return TemplateReader.read(template());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Template.Function function(Template template, String logicalId) {
    return template.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
  }
}
