package herald.testing;

import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads the emails that aws-ses-v2-local captured (GET /store). */
public final class SesStore {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final String endpoint;

  public SesStore(String endpoint) {
    this.endpoint = endpoint;
  }

  /** Every captured email as the stand-in stores it (from, destination, subject, body.html, body.text, ...). */
  public List<JsonNode> emails() {
    try {
      var response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/store")).build(),
          HttpResponse.BodyHandlers.ofString());
      List<JsonNode> emails = new ArrayList<>();
      Json.parse(response.body()).path("emails").forEach(emails::add);
      return emails;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The captured emails sent to one address. */
  public List<JsonNode> to(String address) {
    return emails().stream().filter(e -> e.path("destination").toString().contains(address)).toList();
  }
}
