package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The README's quick start over HTTP, as curl does it. */
final class HeraldClient {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String api;
  private final String key;

  HeraldClient(String api, String key) {
    this.api = api;
    this.key = key;
  }

  void putBrand() throws IOException, InterruptedException {
    send("PUT", "/v1/settings/brand", """
        {"sender_name":"Acme Shop","sender_email":"hello@acme.test","postal_address":"1 Market Street, Springfield"}""",
        200);
  }

  void putCustomer(String sourceId) throws IOException, InterruptedException {
    send("POST", "/v1/customers", "{\"source_id\":\"" + sourceId + "\",\"name\":\"Ada Lovelace\","
        + "\"email\":\"ada@example.com\",\"metadata\":{\"plan\":\"gold\"}}", 200);
  }

  /** Creates and activates the README's "Welcome" distribution; returns its id. */
  String activeWelcome() throws IOException, InterruptedException {
    String id = send("POST", "/v1/distributions", """
        {"name":"Welcome","trigger":{"type":"customer.custom_event","filters":{"event":"signed_up"}},
         "audience":{"type":"event_customer"},"action":{"type":"plain_message"},
         "channels":[{"type":"email","subject":"Hi {{customer.name}}",
                      "html":"<p>Welcome {{customer.name}}</p>","text":"Welcome {{customer.name}}"}]}""", 201)
        .path("id").asText();
    send("POST", "/v1/distributions/" + id + "/activate", "", 200);
    return id;
  }

  /** Creates and activates a distribution of the given channels on a custom event; returns its id. */
  String activeDistribution(String name, String event, String channelJson) throws IOException, InterruptedException {
    String id = send("POST", "/v1/distributions", "{\"name\":\"" + name + "\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"" + event + "\"}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[" + channelJson + "]}", 201)
        .path("id").asText();
    send("POST", "/v1/distributions/" + id + "/activate", "", 200);
    return id;
  }

  void archive(String distributionId) throws IOException, InterruptedException {
    send("POST", "/v1/distributions/" + distributionId + "/archive", "", 200);
  }

  /** Posts a "signed_up" event with the caller's id; returns Herald's event id. */
  String postEvent(String sourceId, String callerId) throws IOException, InterruptedException {
    return send("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"" + sourceId
        + "\"},\"data\":{\"plan\":\"gold\"},\"id\":\"" + callerId + "\"}", 202).path("id").asText();
  }

  /** The distribution's summary: its message counts by status under "totals". */
  JsonNode summary(String distributionId) throws IOException, InterruptedException {
    return send("GET", "/v1/distributions/" + distributionId + "/summary", null, 200);
  }

  /** Every message of the distribution, following next_cursor with pages of 100. */
  List<JsonNode> messages(String distributionId) throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      String path = "/v1/distributions/" + distributionId + "/messages?limit=100"
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = send("GET", path, null, 200);
      page.path("data").forEach(all::add);
      cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
    } while (cursor != null);
    return all;
  }

  /** One call with a JSON body (or none); throws unless it answers {@code expected}. */
  JsonNode send(String method, String path, String body, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path))
        .header("Authorization", "Bearer " + key)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (body != null && !body.isEmpty()) builder.header("Content-Type", "application/json");
    HttpRequest request = builder.build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return Results.JSON.readTree(response.body());
  }
}
