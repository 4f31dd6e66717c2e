package herald.adapters.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A tool's answer: its status, its headers by lower-case name (the first of each), and its body as text. */
public record ToolResponse(int status, Map<String, String> headers, String body) {
  public ToolResponse {
    headers = Map.copyOf(headers);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
