package herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import herald.platform.Env;
import herald.sam.EventSource;
import herald.sam.Template;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients that send half a body and stall neither block the local API nor keep their connections forever. */
class SlowClientsTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  private static LocalHttpApi api;

  @BeforeAll
  static void start() throws Exception {
    Template.Function spec = new Template.Function("EchoFunction", "herald.local.fixtures.EchoHandler::handleRequest",
        Map.of(), 20, 512, List.of(
            new EventSource.HttpApi("Proxy", "ANY", "/{proxy+}", null),
            new EventSource.HttpApi("Health", "GET", "/v1/health", null)));
    api = LocalHttpApi.start(0, List.of(LambdaFunction.load(spec, Env.of(Map.of()), 2)), READ_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void healthAnswersPromptlyWhileSixteenClientsStallAndTheServerClosesThemAfterTheTimeout() throws Exception {
    URI uri = URI.create(api.url());
    List<Socket> stalled = new ArrayList<>();
    long opened = System.nanoTime();
    try {
      for (int i = 0; i < 16; i++) {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.getOutputStream().write(("POST /v1/customers HTTP/1.1\r\nHost: " + uri.getAuthority()
            + "\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"id\":\"c1\",\"na")
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        stalled.add(socket);
      }
      Thread.sleep(300); // every stalled request has reached a worker and waits for the rest of its body

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      long asked = System.nanoTime();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(api.url() + "/v1/health"))
          .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
      Duration answeredIn = Duration.ofNanos(System.nanoTime() - asked);

      assertThat(health.statusCode()).isEqualTo(201); // the echo fixture's status
      assertThat(answeredIn).isLessThan(Duration.ofMillis(500));
      for (Socket socket : stalled) {
        assertThat(closedByServer(socket)).as("the server closes a stalled connection").isTrue();
      }
      Duration closedAfter = Duration.ofNanos(System.nanoTime() - opened);
      assertThat(closedAfter).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(100))
          .isLessThan(READ_TIMEOUT.plusSeconds(3));
    } finally {
      for (Socket socket : stalled) socket.close();
    }
  }

  @Test
  void aBodyThatArrivesInPiecesWithinTheTimeoutIsServed() throws Exception {
    URI uri = URI.create(api.url());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(5_000);
      var out = socket.getOutputStream();
      out.write(("POST /v1/customers HTTP/1.1\r\nHost: " + uri.getAuthority()
          + "\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{\"id\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(500);
      out.write("\"c1\"}".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 201").contains("{\\\"id\\\":\\\"c1\\\"}");
    }
  }

  /** True when the server ends the connection (end of stream or reset) within 5 s. */
  private static boolean closedByServer(Socket socket) throws IOException {
    socket.setSoTimeout(5_000);
    InputStream in = socket.getInputStream();
    try {
      while (in.read() != -1) {
        // a 4xx or anything else the server says before closing
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
