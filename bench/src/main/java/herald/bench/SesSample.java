package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;

/** The last email the SES stand-in took since a time: what the sender sent, replayed by the raw run. */
record SesSample(String from, String subject, String html, String text, List<MessageHeader> headers) {
  static SesSample last(String sesEndpoint, long sinceEpochSeconds) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(sesEndpoint + "/store?since=" + sinceEpochSeconds)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode emails = Results.JSON.readTree(response.body()).path("emails");
    if (emails.isEmpty()) throw new IllegalStateException("the SES stand-in holds no email since " + sinceEpochSeconds);
    JsonNode e = emails.get(emails.size() - 1);
    List<MessageHeader> headers = new ArrayList<>();
    for (JsonNode h : e.path("headers")) {
      headers.add(MessageHeader.builder().name(h.path("name").asText()).value(h.path("value").asText()).build());
    }
    return new SesSample(e.path("from").asText(), e.path("subject").asText(),
        e.path("body").path("html").isTextual() ? e.path("body").path("html").asText() : null,
        e.path("body").path("text").isTextual() ? e.path("body").path("text").asText() : null, headers);
  }
}
