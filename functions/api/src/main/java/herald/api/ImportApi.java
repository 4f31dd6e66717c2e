package herald.api;

import herald.adapters.json.CsvRows;
import herald.adapters.json.NdjsonRows;
import herald.domain.common.Invalid;
import herald.domain.intake.ImportFile;
import herald.domain.intake.StartImport;
import herald.domain.jobs.AsyncActionStatus;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * POST /v1/customers/import: a CSV ({@code text/csv}) or NDJSON ({@code application/x-ndjson},
 * {@code application/ndjson}) file of customers, read as a stream and put on the jobs queue in parts; answers
 * 202 with the async action that reports the import's progress.
 */
final class ImportApi implements Routes {
  static final String PATH = "/v1/customers/import";
  private final StartImport start;

  @Inject
  ImportApi(StartImport start) {
    this.start = start;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", PATH, (req, p) -> importFile(req)));
  }

  private HttpResponse importFile(HttpRequest request) {
    String body = request.body() == null ? "" : request.body();
    String type = mediaType(request.header("content-type"));
    ImportFile file = switch (type) {
      case "text/csv" -> new CsvRows(() -> new StringReader(body));
      case "application/x-ndjson", "application/ndjson" -> new NdjsonRows(() -> new StringReader(body));
      default -> null;
    };
    if (file == null) {
      return HttpResponse.error(415, "unsupported_media_type", "an import is text/csv or application/x-ndjson"
          + (type.isEmpty() ? "; the request has no Content-Type" : ", not " + type), "content-type");
    }
    String id;
    try {
      id = start.start(file);
    } catch (Invalid e) {
      if (!e.code().equals("too_many_rows")) throw e;
      return HttpResponse.error(413, e.code(), e.getMessage(), e.field());
    }
    return new HttpResponse(202, Json.object().put("async_action_id", id).put("status", AsyncActionStatus.IN_PROGRESS.name()))
        .withHeader("location", AsyncActionApi.PATH + "/" + id);
  }

  static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
