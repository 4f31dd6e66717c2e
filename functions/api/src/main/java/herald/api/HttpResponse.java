package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.util.Map;

/**
 * A JSON response, or an HTML page when {@code html} is set, or a PNG image when {@code png} is set (then {@code
 * body} is null); {@code headers} are sent besides the content type (such as a Location).
 */
record HttpResponse(int status, JsonNode body, String html, Map<String, String> headers, byte[] png) {
  HttpResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  HttpResponse(int status, JsonNode body, String html, Map<String, String> headers) {
    this(status, body, html, headers, null);
  }

  HttpResponse(int status, JsonNode body, String html) {
    this(status, body, html, Map.of());
  }

  HttpResponse(int status, JsonNode body) {
    this(status, body, null);
  }

  HttpResponse withHeader(String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new HttpResponse(status, body, html, more, png);
  }

  static HttpResponse html(int status, String page) {
    return new HttpResponse(status, null, page);
  }

  static HttpResponse png(byte[] image) {
    return new HttpResponse(200, null, null, Map.of(), image);
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
