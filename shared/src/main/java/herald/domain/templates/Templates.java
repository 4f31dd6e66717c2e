package herald.domain.templates;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import herald.domain.common.Invalid;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates that fill in data and do nothing else: HTML-escaped for HTML bodies, as written for subjects
 * and plain text. They see maps, lists and values only ({@link DataOnly}: no Java method or field); an HTML body
 * may not write a value unescaped ({@code {{{x}}}}, {@code {{&x}}}); no template may change its delimiters
 * ({@code {{=<% %>=}}}), so every tag can be checked, or include partials ({@code {{>name}}}), which would read
 * files. Each rendered part stops at {@value #LIMIT_BYTES} bytes of UTF-8.
 */
@Singleton
public final class Templates {
  /** The most one rendered part (a subject, a body, a text, a JSON body) may hold, in UTF-8 bytes: 256 KiB. */
  public static final int LIMIT_BYTES = 256 * 1024;
  private static final int CACHE_LIMIT = 512;
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  @Inject
  public Templates() {}

  /**
   * The two engines, built when a template is first compiled: a function that reads distributions but never
   * renders (the trigger, the fan-out) never loads Mustache.
   */
  private static final class Engines {
    static final DefaultMustacheFactory HTML = new Engine(true);
    static final DefaultMustacheFactory PLAIN = new Engine(false);
  }

  /** Throws {@link TemplateRefused} when it cannot render (too large, or a template saving now refuses). */
  public String renderHtml(String template, Map<String, Object> scope) {
    return template == null ? null : render(true, template, scope, new LimitedWriter(LIMIT_BYTES));
  }

  /** Throws {@link TemplateRefused} when it cannot render (too large, or a template saving now refuses). */
  public String renderPlain(String template, Map<String, Object> scope) {
    return template == null ? null : render(false, template, scope, new LimitedWriter(LIMIT_BYTES));
  }

  /**
   * A JSON value (maps, lists, strings, numbers...) with each string rendered as a plain template; the whole value
   * is one part, under one limit.
   */
  public Object renderJson(Object node, Map<String, Object> scope) {
    return renderJson(node, scope, new LimitedWriter(LIMIT_BYTES));
  }

  private Object renderJson(Object node, Map<String, Object> scope, LimitedWriter out) {
    if (node instanceof String s) return render(false, s, scope, out);
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> rendered = new LinkedHashMap<>();
      map.forEach((key, value) -> rendered.put(String.valueOf(key), renderJson(value, scope, out)));
      return rendered;
    }
    if (node instanceof List<?> list) {
      List<Object> rendered = new ArrayList<>();
      list.forEach(value -> rendered.add(renderJson(value, scope, out)));
      return rendered;
    }
    return node;
  }

  /**
   * Throws {@link Invalid} naming the field when the template does not compile ({@code invalid_template}), changes
   * its delimiters ({@code delimiter_change}), writes a value unescaped in an HTML body ({@code unescaped_html}), or
   * uses a name, as a variable or a section, that {@code available} does not hold ({@code unknown_variable}).
   */
  public void check(String template, String field, Variable available, boolean html) {
    if (template == null) return;
    Mustache mustache;
    try {
      mustache = compile(html, template);
    } catch (MustacheException e) {
      TemplateRefused refused = refusal(e);
      throw new Invalid(refused.code(), field, field + " " + refused.getMessage());
    }
    TemplatePaths.check(mustache.getCodes(), field, available);
  }

  private String render(boolean html, String template, Map<String, Object> scope, LimitedWriter out) {
    try {
      compile(html, template).execute(out, scope);
      return out.take();
    } catch (RuntimeException e) {
      throw refusal(e);
    }
  }

  private Mustache compile(boolean html, String template) {
    String key = (html ? "h" : "p") + template;
    Mustache mustache = compiled.get(key);
    if (mustache != null) return mustache;
    mustache = (html ? Engines.HTML : Engines.PLAIN).compile(new StringReader(template), "t" + key.hashCode());
    if (compiled.size() >= CACHE_LIMIT) compiled.clear();
    compiled.put(key, mustache);
    return mustache;
  }

  /** What stopped a compile or a render: the refusal inside it, or a template that does not compile. */
  private static TemplateRefused refusal(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TemplateRefused refused) return refused;
      if (cause instanceof Refusal refusal) return new TemplateRefused(refusal.code, refusal.getMessage());
    }
    if (e instanceof MustacheException) {
      return new TemplateRefused("invalid_template", "is not a valid Mustache template: " + firstLine(e));
    }
    throw e;
  }

  /** A rule of ours broken while compiling: thrown inside mustache.java's parser, so one of its exceptions. */
  private static final class Refusal extends MustacheException {
    final String code;

    Refusal(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  private static final class Engine extends DefaultMustacheFactory {
    private final boolean html;

    Engine(boolean html) {
      this.html = html;
      setObjectHandler(new DataOnly());
    }

    @Override
    public Reader getReader(String resourceName) {
      throw new MustacheException("partials ({{>" + resourceName + "}}) are not allowed");
    }

    /** Every tag's text passes here as it is parsed: {@code {{=...=}}} changes the delimiters. */
    @Override
    public String translate(String command) {
      if (command.startsWith("=")) {
        throw new Refusal("delimiter_change", "changes the delimiters ({{" + command + "}}), which templates may"
            + " not do: write every tag with {{ }}");
      }
      return command;
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
      return new DefaultMustacheVisitor(this) {
        @Override
        public void value(TemplateContext context, String variable, boolean encoded) {
          if (html && !encoded) {
            throw new Refusal("unescaped_html", "writes {{" + variable + "}} unescaped ({{{...}}} or {{&...}}),"
                + " which an HTML body may not do: write {{" + variable + "}}, which escapes it");
          }
          super.value(context, variable, encoded);
        }
      };
    }

    @Override
    public void encode(String value, Writer writer) {
      if (html) {
        super.encode(value, writer);
        return;
      }
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new MustacheException(e);
      }
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
