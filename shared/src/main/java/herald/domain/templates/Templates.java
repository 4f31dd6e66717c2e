package herald.domain.templates;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.codes.CommentCode;
import com.github.mustachejava.codes.ExtendNameCode;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.codes.WriteCode;
import herald.domain.common.Invalid;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates: HTML-escaped for HTML bodies, as written for subjects and plain text.
 * Partials ({@code {{>name}}}) are refused: they would read files or classpath resources.
 */
@Singleton
public final class Templates {
  @Inject
  public Templates() {}

  private static final int CACHE_LIMIT = 512;
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  /**
   * The two engines, built when a template is first compiled: a function that reads distributions but never
   * renders (the trigger, the fan-out) never loads Mustache.
   */
  private static final class Engines {
    static final DefaultMustacheFactory HTML = new NoPartials();
    static final DefaultMustacheFactory PLAIN = new NoPartials() {
      @Override
      public void encode(String value, Writer writer) {
        try {
          writer.write(value);
        } catch (IOException e) {
          throw new MustacheException(e);
        }
      }
    };
  }

  public String renderHtml(String template, Map<String, Object> scope) {
    return template == null ? null : render(Engines.HTML, "h", template, scope);
  }

  public String renderPlain(String template, Map<String, Object> scope) {
    return template == null ? null : render(Engines.PLAIN, "p", template, scope);
  }

  /** A JSON value (maps, lists, strings, numbers...) with each string rendered as a plain template. */
  public Object renderJson(Object node, Map<String, Object> scope) {
    if (node instanceof String s) return renderPlain(s, scope);
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      map.forEach((key, value) -> out.put(String.valueOf(key), renderJson(value, scope)));
      return out;
    }
    if (node instanceof java.util.List<?> list) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      list.forEach(value -> out.add(renderJson(value, scope)));
      return out;
    }
    return node;
  }

  /** Throws {@link Invalid} naming the field when the template does not compile. */
  public void check(String template, String field) {
    if (template == null) return;
    names(template, field);
  }

  /**
   * Throws {@link Invalid} naming the field when the template does not compile ({@code invalid_template}) or
   * uses a top-level name outside {@code allowed}, as a variable or a section ({@code unknown_variable}).
   * Names inside a section are relative to it, so only the section's own name is checked.
   */
  public void check(String template, String field, Set<String> allowed) {
    if (template == null) return;
    for (String name : names(template, field)) {
      String top = name.equals(".") ? "." : name.split("\\.", -1)[0];
      if (!allowed.contains(top)) {
        throw new Invalid("unknown_variable", field, field + " uses {{" + name + "}}, which is not available here;"
            + " available: " + String.join(", ", allowed));
      }
    }
  }

  /** The top-level names a template uses (variables and sections, outside any section), sorted. */
  public Set<String> names(String template, String field) {
    try {
      Set<String> names = new TreeSet<>();
      collect(compile(Engines.PLAIN, "p", template).getCodes(), names, true);
      return names;
    } catch (MustacheException e) {
      throw new Invalid("invalid_template", field, field + " is not a valid Mustache template: " + firstLine(e));
    }
  }

  private static void collect(Code[] codes, Set<String> names, boolean topLevel) {
    if (codes == null) return;
    for (Code code : codes) {
      if (code instanceof WriteCode || code instanceof CommentCode) continue;
      if (code instanceof ExtendNameCode) {
        collect(code.getCodes(), names, topLevel);          // {{$block}}: rendered in place
      } else if (code instanceof NotIterableCode) {
        if (topLevel) names.add(code.getName());
        collect(code.getCodes(), names, topLevel);          // {{^x}} renders in the enclosing context
      } else if (code instanceof ValueCode || code instanceof IterableCode) {
        if (topLevel) names.add(code.getName());
        collect(code.getCodes(), names, false);
      } else if (code.getName() != null || code.getCodes() != null && code.getCodes().length > 0) {
        throw new MustacheException("{{" + code.getName() + "}} is not supported");
      }
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
