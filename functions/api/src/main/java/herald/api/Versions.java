package herald.api;

import herald.domain.common.Invalid;

/** The version a write is based on: the If-Match header ({@code "3"} or {@code W/"3"}) or a body's version. */
final class Versions {
  private Versions() {}

  static long required(HttpRequest request, Long bodyVersion) {
    Long header = optional(request);
    if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
      throw new Invalid("invalid_value", "version", "If-Match and the body's version differ");
    }
    Long version = header != null ? header : bodyVersion;
    if (version == null) {
      throw new Invalid("missing_field", "version",
          "say which version you edit: an If-Match header with the version, or \"version\" in the body");
    }
    return version;
  }

  static Long optional(HttpRequest request) {
    String ifMatch = request.header("if-match");
    if (ifMatch == null || ifMatch.isBlank()) return null;
    String value = ifMatch.strip();
    if (value.startsWith("W/")) value = value.substring(2);
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new Invalid("invalid_value", "if-match", "If-Match must hold the distribution's version, like \"3\"");
    }
  }
}
