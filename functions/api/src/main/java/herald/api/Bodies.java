package herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.platform.Json;
import java.util.Locale;

/** Parses request bodies. */
final class Bodies {
  static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";

  private Bodies() {}

  /**
   * The body as a JSON object. It must say {@code Content-Type: application/json} (a charset parameter, if any,
   * utf-8), or the answer is 415; a field named twice is malformed JSON.
   */
  static JsonNode json(HttpRequest request) {
    String body = request.body();
    if (body == null || body.isBlank()) throw new Invalid("missing_body", "body", "a JSON body is required");
    requireJson(request.header("content-type"));
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) throw new Invalid("invalid_type", "body", "the body must be a JSON object");
      return node;
    } catch (JsonProcessingException e) {
      throw new Router.MalformedJson(e);
    }
  }

  private static void requireJson(String contentType) {
    String[] parts = (contentType == null ? "" : contentType).split(";", -1);
    boolean json = parts[0].strip().equalsIgnoreCase("application/json");
    for (int i = 1; json && i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      String name = parameter[0].strip().toLowerCase(Locale.ROOT);
      String value = parameter.length < 2 ? "" : parameter[1].strip().replace("\"", "");
      if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) json = false;
    }
    if (!json) {
      throw new Invalid(UNSUPPORTED_MEDIA_TYPE, "content-type", "send the body as Content-Type: application/json"
          + (contentType == null ? "; the request has none" : ", not " + abbreviated(contentType)));
    }
  }

  private static String abbreviated(String text) {
    String plain = text.replaceAll("\\p{Cc}", "?");
    return plain.length() <= 100 ? plain : plain.substring(0, 100) + "...";
  }

  static int limit(HttpRequest request, int max) {
    return limit(request, max, max);
  }

  static int limit(HttpRequest request, int max, int otherwise) {
    String value = request.query().get("limit");
    if (value == null) return otherwise;
    try {
      int limit = Integer.parseInt(value);
      if (limit < 1 || limit > max) throw new NumberFormatException();
      return limit;
    } catch (NumberFormatException e) {
      throw new Invalid("invalid_value", "limit", "limit must be a whole number from 1 to " + max);
    }
  }
}
