package herald.domain.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import herald.domain.Invalid;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates: HTML-escaped for HTML bodies, as written for subjects and plain text.
 * Partials ({@code {{>name}}}) are refused: they would read files or classpath resources.
 */
public final class Templates {
  private static final int CACHE_LIMIT = 512;
  private final DefaultMustacheFactory html = new NoPartials();
  private final DefaultMustacheFactory plain = new NoPartials() {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new MustacheException(e);
      }
    }
  };
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  public String renderHtml(String template, Map<String, Object> scope) {
    return render(html, "h", template, scope);
  }

  public String renderPlain(String template, Map<String, Object> scope) {
    return render(plain, "p", template, scope);
  }

  /** Throws {@link Invalid} naming the field when the template does not compile. */
  public void check(String template, String field) {
    if (template == null) return;
    try {
      compile(plain, "p", template);
    } catch (MustacheException e) {
      throw new Invalid("invalid_template", field, field + " is not a valid Mustache template: " + firstLine(e));
    }
  }

  private String render(DefaultMustacheFactory factory, String kind, String template, Map<String, Object> scope) {
    if (template == null) return null;
    StringWriter out = new StringWriter();
    compile(factory, kind, template).execute(out, scope);
    return out.toString();
  }

  private Mustache compile(DefaultMustacheFactory factory, String kind, String template) {
    String key = kind + template;
    Mustache mustache = compiled.get(key);
    if (mustache != null) return mustache;
    mustache = factory.compile(new StringReader(template), "t" + key.hashCode());
    if (compiled.size() >= CACHE_LIMIT) compiled.clear();
    compiled.put(key, mustache);
    return mustache;
  }

  private static class NoPartials extends DefaultMustacheFactory {
    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheException("partials ({{>" + resourceName + "}}) are not allowed");
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
