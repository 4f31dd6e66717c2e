package herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.sam.EventSource;
import herald.sam.Template;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalHttpApiTest {
  private static LocalHttpApi api;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Template.Function spec = new Template.Function("EchoFunction", "herald.local.fixtures.EchoHandler::handleRequest",
        Map.of(), 20, 512, List.of(
            new EventSource.HttpApi("Proxy", "ANY", "/{proxy+}", null),
            new EventSource.HttpApi("Health", "GET", "/v1/health", null),
            new EventSource.HttpApi("Item", "GET", "/v1/items/{id}", null)));
    api = LocalHttpApi.start(0, List.of(LambdaFunction.load(spec, Env.of(Map.of("GREETING", "hi")), 2)));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void prefersTheExactRouteOverTheProxy() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api.url() + "/v1/health")));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("x-echo")).contains("yes");
    JsonNode echo = Json.parse(response.body());
    assertThat(echo.get("routeKey").asText()).isEqualTo("GET /v1/health");
    assertThat(echo.get("pathParameters").isNull()).isTrue();
    assertThat(echo.get("env").get("GREETING").asText()).isEqualTo("hi");
    assertThat(echo.get("functionName").asText()).isEqualTo("EchoFunction");
    assertThat(echo.get("remainingMillis").asInt()).isBetween(1, 20_000);
  }

  @Test
  void givesEverythingElseToTheProxyRouteAsPayloadVersionTwo() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(api.url() + "/v1/customers/c%201?a=1&b=x&a=2"))
        .header("X-Api-Key", "secret").header("Cookie", "s=1; t=2")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")));

    JsonNode echo = Json.parse(response.body());
    assertThat(echo.get("version").asText()).isEqualTo("2.0");
    assertThat(echo.get("routeKey").asText()).isEqualTo("ANY /{proxy+}");
    assertThat(echo.get("rawPath").asText()).isEqualTo("/v1/customers/c%201");
    assertThat(echo.get("rawQueryString").asText()).isEqualTo("a=1&b=x&a=2");
    assertThat(echo.get("queryStringParameters").get("a").asText()).isEqualTo("1,2");
    assertThat(echo.get("pathParameters").get("proxy").asText()).isEqualTo("v1/customers/c 1");
    assertThat(echo.get("headers").get("x-api-key").asText()).isEqualTo("secret");
    assertThat(echo.get("cookies").get(1).asText()).isEqualTo("t=2");
    assertThat(echo.get("method").asText()).isEqualTo("POST");
    assertThat(echo.get("path").asText()).isEqualTo("/v1/customers/c%201");
    assertThat(echo.get("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(echo.get("body").asText()).isEqualTo("{\"name\":\"Ada\"}");
    assertThat(echo.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void fillsPathParameters() throws Exception {
    JsonNode echo = Json.parse(send(HttpRequest.newBuilder(URI.create(api.url() + "/v1/items/i-7"))).body());

    assertThat(echo.get("routeKey").asText()).isEqualTo("GET /v1/items/{id}");
    assertThat(echo.get("pathParameters").get("id").asText()).isEqualTo("i-7");
  }

  @Test
  void answersLikeApiGatewayWhenNoRouteMatchesOrTheFunctionFails() throws Exception {
    assertThat(send(HttpRequest.newBuilder(URI.create(api.url() + "/"))).statusCode()).isEqualTo(404);
    HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(api.url() + "/v1/boom")));
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("Internal Server Error");
  }
}
