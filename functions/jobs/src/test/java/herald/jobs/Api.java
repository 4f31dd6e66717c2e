package herald.jobs;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.api.ApiHandler;
import herald.api.OpenApiResponses;
import herald.platform.Env;
import herald.platform.Json;
import java.util.HashMap;
import java.util.Map;

/** Calls the api function as API Gateway would, each answer checked against the OpenAPI document. */
final class Api {
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  private final ApiHandler handler;
  private final String key;

  Api(Env env) {
    this.handler = new ApiHandler(env);
    this.key = env.get("HERALD_API_KEY");
  }

  APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body, String contentType) {
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    Map<String, String> query = new HashMap<>();
    if (q >= 0) {
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    Map<String, String> headers = new HashMap<>(Map.of("authorization", "Bearer " + key));
    if (contentType != null) headers.put("content-type", contentType);
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath(path)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
            .build())
        .withHeaders(headers).withQueryStringParameters(query.isEmpty() ? null : query).withBody(body).build();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    OPENAPI.check(method, path, response.getStatusCode(), response.getBody());
    return response;
  }

  JsonNode json(String method, String pathAndQuery, String body, String contentType, int status) {
    APIGatewayV2HTTPResponse response = call(method, pathAndQuery, body, contentType);
    if (response.getStatusCode() != status) {
      throw new AssertionError(method + " " + pathAndQuery + " -> " + response.getStatusCode() + ": " + response.getBody());
    }
    return Json.parse(response.getBody());
  }

  /** Posts a file for import and gives the async action's id. */
  String startImport(String file, String contentType) {
    return json("POST", "/v1/customers/import", file, contentType, 202).path("async_action_id").asText();
  }

  JsonNode action(String id) {
    return json("GET", "/v1/async-actions/" + id, null, null, 200);
  }
}
