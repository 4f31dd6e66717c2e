package herald.domain.channels;

/** Port: writes maps, lists, strings and numbers as JSON text (webhook bodies are signed as written). */
@FunctionalInterface
public interface JsonWriter {
  String write(Object value);
}
