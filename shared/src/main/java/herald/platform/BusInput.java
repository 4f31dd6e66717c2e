package herald.platform;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * An event EventBridge hands to a stream handler, read as {@code read} says. One that is not JSON, or that
 * {@code read} refuses ({@link Invalid}), is logged as {@code rejected} and dropped: no retry can mend it.
 */
public final class BusInput {
  private BusInput() {}

  public static <T> Optional<T> read(InputStream input, String rejected, Function<JsonNode, T> read) {
    try {
      return Optional.of(read.apply(Json.MAPPER.readTree(input)));
    } catch (Invalid | IOException e) {
      Log.error(rejected, e);
      return Optional.empty();
    }
  }
}
