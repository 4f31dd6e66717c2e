package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * GET /v1/openapi.json (no key needed): the OpenAPI 3.1 document of this API, kept in the repo as openapi.json, served
 * with the URL it was asked for at as its one server.
 */
final class OpenApiDoc implements Routes {
  static final String RESOURCE = "openapi.json";
  private final JsonNode document;

  @Inject
  OpenApiDoc() {
    this.document = read();
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/openapi.json", (req, p) -> HttpResponse.ok(servedAt(req.serverUrl()))));
  }

  /** The document naming the URL it was asked for at as its server, or as the file does (relative: "/"). */
  private JsonNode servedAt(String serverUrl) {
    if (serverUrl == null) return document;
    ObjectNode copy = document.deepCopy();
    copy.putArray("servers").addObject().put("url", serverUrl);
    return copy;
  }

  static JsonNode read() {
    try (InputStream in = OpenApiDoc.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing " + RESOURCE);
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
