package herald.domain.templates;

/**
 * A template that cannot be rendered, for a reason no retry mends: its output would pass the size limit
 * ({@code template_too_large}), or it is a template saving now refuses ({@code unescaped_html},
 * {@code delimiter_change}, {@code invalid_template}). The message says why; it never holds rendered data.
 */
public final class TemplateRefused extends RuntimeException {
  private final String code;

  public TemplateRefused(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
