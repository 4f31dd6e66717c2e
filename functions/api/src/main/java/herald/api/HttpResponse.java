package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;

/** A JSON response, or an HTML page when {@code html} is set (then {@code body} is null). */
record HttpResponse(int status, JsonNode body, String html) {
  HttpResponse(int status, JsonNode body) {
    this(status, body, null);
  }

  static HttpResponse html(int status, String page) {
    return new HttpResponse(status, null, page);
  }

  static HttpResponse ok(JsonNode body) {
    return new HttpResponse(200, body);
  }

  static HttpResponse created(JsonNode body) {
    return new HttpResponse(201, body);
  }

  static HttpResponse noContent() {
    return new HttpResponse(204, null);
  }

  static HttpResponse error(int status, String code, String message, String field) {
    ObjectNode body = Json.object();
    body.put("code", code);
    body.put("message", message);
    body.put("field", field);
    return new HttpResponse(status, body);
  }
}
