package herald.domain.templates;

import java.io.Writer;

/**
 * Collects what a template renders and stops it, by throwing {@link TemplateRefused} {@code template_too_large},
 * as soon as it would pass its limit in UTF-8 bytes: a template that would render 100 MB stops at the limit.
 * One writer may collect several texts ({@link #take}) that count against the same limit.
 */
final class LimitedWriter extends Writer {
  private final StringBuilder out = new StringBuilder();
  private final long limit;
  private long bytes;

  LimitedWriter(long limit) {
    this.limit = limit;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    long more = 0;
    for (int i = offset; i < offset + length; i++) more += utf8Bytes(chars[i]);
    count(more);
    out.append(chars, offset, length);
  }

  @Override
  public void write(String text, int offset, int length) {
    long more = 0;
    for (int i = offset; i < offset + length; i++) more += utf8Bytes(text.charAt(i));
    count(more);
    out.append(text, offset, length);
  }

  /** What was written since the last take; the bytes still count against the limit. */
  String take() {
    String text = out.toString();
    out.setLength(0);
    return text;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  private void count(long more) {
    bytes += more;
    if (bytes > limit) {
      throw new TemplateRefused("template_too_large", "the rendered text passes the limit of " + limit / 1024
          + " KiB (UTF-8) per part");
    }
  }

  /** A surrogate is half of a 4-byte character. */
  private static int utf8Bytes(char c) {
    if (c < 0x80) return 1;
    if (c < 0x800 || Character.isSurrogate(c)) return 2;
    return 3;
  }
}
