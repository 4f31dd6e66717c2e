package herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.platform.Json;

/** Parses request bodies. */
final class Bodies {
  private Bodies() {}

  static JsonNode json(HttpRequest request) {
    String body = request.body();
    if (body == null || body.isBlank()) throw new Invalid("missing_body", "body", "a JSON body is required");
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) throw new Invalid("invalid_type", "body", "the body must be a JSON object");
      return node;
    } catch (JsonProcessingException e) {
      throw new Router.MalformedJson(e);
    }
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
