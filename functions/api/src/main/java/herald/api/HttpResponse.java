package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.util.Map;

/**
 * A JSON response, or an HTML page when {@code html} is set, or bytes (a PNG image, a file of the dashboard) when
 * {@code bytes} is set, with their content type in {@code headers} (then {@code body} is null); {@code headers} are
 * sent besides the content type (such as a Location).
 */
record HttpResponse(int status, JsonNode body, String html, Map<String, String> headers, byte[] bytes) {
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
    return new HttpResponse(status, body, html, more, bytes);
  }

  static HttpResponse html(int status, String page) {
    return new HttpResponse(status, null, page);
  }

  static HttpResponse png(byte[] image) {
    return file(image, Map.of("content-type", "image/png", "cache-control", "public, max-age=86400, immutable"));
  }

  /** 200 with these bytes; the headers name their content type. */
  static HttpResponse file(byte[] bytes, Map<String, String> headers) {
    return new HttpResponse(200, null, null, headers, bytes);
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
