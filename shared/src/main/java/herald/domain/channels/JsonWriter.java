package herald.domain.channels;

/**
 * Port: writes maps, lists, strings and numbers as JSON text (webhook bodies are signed as written); throws
 * IllegalArgumentException for a value that cannot be written (nested too deep, say), which no retry mends.
 */
@FunctionalInterface
public interface JsonWriter {
  String write(Object value);
}
